package dev.milvusboot.local.junit;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MilvusLiteTest} injects one shared, running Milvus Lite and per-class unique names. */
@MilvusLiteTest
class MilvusLiteExtensionTest {

	private static MilvusLite fromBeforeAll;

	private final MilvusLite fromConstructor;

	private final TestNames names;

	MilvusLiteExtensionTest(MilvusLite lite, TestNames names) {
		this.fromConstructor = lite;
		this.names = names;
	}

	@BeforeAll
	static void remember(MilvusLite lite) {
		fromBeforeAll = lite;
	}

	@Test
	void injectsTheSameRunningServerEverywhere(MilvusLite lite) {
		assertThat(lite).isSameAs(this.fromConstructor).isSameAs(fromBeforeAll);
		assertThat(lite.isRunning()).isTrue();
		try (MilvusProbe probe = MilvusProbe.connect(lite.host(), lite.port())) {
			assertThat(probe.getVersion()).contains("3.2");
		}
	}

	@Test
	void namesAreUniqueAndValid(TestNames names) {
		assertThat(names).isSameAs(this.names);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String name = names.collection("my-docs");
			assertThat(name).matches("[a-z][a-z0-9_]*").startsWith("my_docs_").hasSizeLessThanOrEqualTo(255);
			assertThat(seen.add(name)).isTrue();
		}
		assertThat(names.collection("9lives")).startsWith("t_9lives_");
		assertThat(names.collection("x".repeat(400))).hasSize(TestNames.MAX_LENGTH);
	}

}
