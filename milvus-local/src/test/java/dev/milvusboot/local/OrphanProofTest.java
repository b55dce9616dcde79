package dev.milvusboot.local;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every launcher's server dies with the JVM that started it, even when that JVM is killed with SIGKILL (no
 * shutdown hook runs): a child JVM starts a real server and prints its process tree, the test SIGKILLs the child
 * JVM and waits for the whole tree to go.
 */
class OrphanProofTest {

	private static final Duration BOUND = Duration.ofSeconds(15);

	@ParameterizedTest
	@ValueSource(strings = { "PYTHON", "NATIVE", "STANDALONE" })
	void serverDiesWhenItsJvmIsKilled(String kind, @TempDir Path temp) throws Exception {
		try (ServerInChildJvm child = ServerInChildJvm.start(temp.resolve("child.log"), kind, "-")) {
			assertThat(child.serverPids()).isNotEmpty();
			assertThat(child.serverPids()).allMatch((pid) -> ProcessHandle.of(pid).isPresent());
			child.killJvm();
			double seconds = child.awaitServerGone(BOUND);
			System.out.printf("MEASURE orphan %s: server tree (%d processes) gone %.2f s after SIGKILL of its JVM%n",
					kind, child.serverPids().size(), seconds);
			assertThat(seconds).as("seconds until the server tree %s was gone", child.serverPids())
				.isBetween(0.0, (double) BOUND.toSeconds());
		}
	}

}
