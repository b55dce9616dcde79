package dev.milvusboot.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PipProgress} turns pip's many lines into one line per interval and a summary. */
class PipProgressTest {

	@Test
	void summarisesInsteadOfRepeatingEveryLine() {
		List<String> lines = new ArrayList<>();
		AtomicLong clock = new AtomicLong();
		PipProgress progress = new PipProgress(lines::add, clock::get);
		progress.accept("Collecting milvus-lite==3.2.2");
		progress.accept("  Downloading milvus_lite-3.2.2-py3-none-any.whl (310 kB)");
		progress.accept("Collecting pyarrow>=15.0 (from milvus-lite==3.2.2)");
		assertThat(lines).isEmpty();
		clock.set(PipProgress.INTERVAL_NANOS);
		progress.accept("  Downloading pyarrow-26.0.1-cp311-cp311-manylinux_2_28_x86_64.whl (47.6 MB)");
		progress.accept("Collecting numpy>=1.24");
		assertThat(lines).containsExactly("pip: 2 packages resolved, 2 downloaded, last "
				+ "pyarrow-26.0.1-cp311-cp311-manylinux_2_28_x86_64 (47.6 MB) (10 s)");
		progress.accept("Installing collected packages: numpy, pyarrow, milvus-lite");
		progress.accept("Successfully installed milvus-lite-3.2.2 numpy-2.4.6 pyarrow-26.0.1");
		clock.set(PipProgress.INTERVAL_NANOS + 2_500_000_000L);
		progress.finished();
		assertThat(lines).hasSize(2)
			.last()
			.isEqualTo("pip installed 3 packages in 12.5 s: milvus-lite-3.2.2 numpy-2.4.6 pyarrow-26.0.1");
	}

}
