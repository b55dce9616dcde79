package dev.milvusboot.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The settings both launchers share ({@link LocalServerBuilder}) and what a built server that never started
 * holds: checked without starting a server.
 */
class LocalServerBuilderTest {

	@TempDir
	Path cache;

	@Test
	void badSettingsNameTheServerAndTheSetting() {
		assertInvalid(() -> MilvusLite.builder().port(70000), "Milvus Lite port must be between 0 and 65535");
		assertInvalid(() -> MilvusStandalone.builder().port(-1),
				"Milvus standalone port must be between 0 and 65535");
		assertInvalid(() -> MilvusLite.builder().startupTimeout(Duration.ZERO), "Milvus Lite startupTimeout");
		assertInvalid(() -> MilvusStandalone.builder().installTimeout(Duration.ofSeconds(-1)),
				"Milvus standalone installTimeout");
		assertInvalid(() -> MilvusStandalone.builder().version("2.3.5; rm -rf /"),
				"Milvus standalone version '2.3.5; rm -rf /' is not a version number");
		assertInvalid(() -> MilvusLite.builder().version("3.2 2"), "Milvus Lite version '3.2 2'");
	}

	@Test
	void sharedSettersKeepTheConcreteBuilderAndTheDefaults() {
		MilvusStandalone.Builder standalone = MilvusStandalone.builder()
			.cacheDirectory(this.cache)
			.version(null)
			.startupTimeout(Duration.ofMinutes(5))
			.authorization(true);
		try (MilvusStandalone server = standalone.build()) {
			assertThat(server.version()).isEqualTo(MilvusStandalone.DEFAULT_VERSION);
			assertThat(server.isAuthorizationEnabled()).isTrue();
			assertThat(server.dataDirectory()).isEqualTo(server.baseDirectory().resolve("data"));
		}
		MilvusLite.Builder lite = MilvusLite.builder()
			.cacheDirectory(this.cache)
			.port(0)
			.engine(MilvusLite.Engine.NATIVE);
		try (MilvusLite server = lite.build()) {
			assertThat(server.version()).isEqualTo(MilvusLite.DEFAULT_NATIVE_VERSION);
			assertThat(server.serverVersion()).isNull();
			assertThat(server.isRunning()).isFalse();
			assertThat(server.pid()).isEqualTo(-1);
		}
	}

	@Test
	void closeGivesThePortsBackAndDeletesTheTemporaryDirectory() {
		MilvusStandalone server = MilvusStandalone.builder().cacheDirectory(this.cache).build();
		Path base = server.baseDirectory();
		int port = server.port();
		assertThat(base).isDirectory();
		assertThatThrownBy(() -> Ports.reserve(this.cache, port, "a test"))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PORT_IN_USE))
			.hasMessageContaining("reserved by another local Milvus server");
		server.close();
		assertThat(Files.exists(base)).isFalse();
		try (Ports.Reservation again = Ports.reserve(this.cache, port, "a test")) {
			assertThat(again.port()).isEqualTo(port);
		}
	}

	@Test
	void givenDataDirectoryIsKeptAfterClose(@TempDir Path data) {
		MilvusLite server = MilvusLite.builder().cacheDirectory(this.cache).dataDirectory(data).build();
		assertThat(server.dataDirectory()).isEqualTo(data.toAbsolutePath());
		assertThatThrownBy(server::pause).isInstanceOfSatisfying(MilvusLocalException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.NOT_RUNNING))
			.hasMessageContaining("Milvus Lite on port " + server.port() + " has not been started");
		server.close();
		assertThat(data).isDirectory();
	}

	private static void assertInvalid(Runnable setting, String message) {
		assertThatThrownBy(setting::run).isInstanceOfSatisfying(MilvusLocalException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.INVALID_ARGUMENT))
			.hasMessageContaining(message);
	}

}
