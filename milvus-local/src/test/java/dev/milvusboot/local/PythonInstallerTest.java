package dev.milvusboot.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link PythonInstaller} with the machine's Python and pip against PyPI. */
class PythonInstallerTest {

	@Test
	void missingPythonIsReported(@TempDir Path cache) {
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).python("no-such-python3").build();
		assertThatThrownBy(() -> installer.install(PythonRequirements.milvusLite("3.2.2")))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PYTHON_NOT_FOUND))
			.hasMessageContaining("'no-such-python3' cannot be run");
	}

	@Test
	void pythonOlderThan310IsReported(@TempDir Path cache) throws Exception {
		Path old = MilvusLiteLauncherTest.writeScript(cache, "python3.8", "echo 3.8.10\necho venv-ok\n");
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).python(old.toString()).build();
		assertThatThrownBy(() -> installer.install(PythonRequirements.milvusLite("3.2.2")))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PYTHON_TOO_OLD))
			.hasMessageContaining("is 3.8.10, but milvus-lite needs Python 3.10 or newer");
	}

	@Test
	void missingVenvModuleIsReported(@TempDir Path cache) throws Exception {
		Path noVenv = MilvusLiteLauncherTest.writeScript(cache, "python3",
				"echo 3.11.2\necho \"venv-missing: No module named 'ensurepip'\"\n");
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).python(noVenv.toString()).build();
		assertThatThrownBy(() -> installer.install(PythonRequirements.milvusLite("3.2.2")))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.VENV_UNAVAILABLE))
			.hasMessageContaining("install python3-venv");
	}

	@Test
	void pipFailureCarriesItsOutputAndLeavesNoMarker(@TempDir Path cache) {
		List<String> progress = new CopyOnWriteArrayList<>();
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).progress(progress::add).build();
		PythonRequirements missing = PythonRequirements.builder("missing")
			.requirement("milvus-lite==0.0.404")
			.build();
		assertThatThrownBy(() -> installer.install(missing))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PIP_FAILED))
			.hasMessageContaining("pip install milvus-lite==0.0.404")
			.hasMessageContaining("milvus-lite==0.0.404");
		assertThat(progress).anyMatch((line) -> line.startsWith("Creating Python environment"));
		try (var dirs = Files.list(cache.resolve("venvs"))) {
			assertThat(dirs.filter(Files::isDirectory)).allMatch(
					(dir) -> !Files.exists(dir.resolve(PythonInstaller.MARKER_FILE)));
		}
		catch (java.io.IOException ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void unreachableIndexIsReportedAsSuch(@TempDir Path cache) throws Exception {
		int closed;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getByName("127.0.0.1"))) {
			closed = socket.getLocalPort();
		}
		PythonInstaller installer = PythonInstaller.builder()
			.cacheDirectory(cache)
			.indexUrl("http://127.0.0.1:" + closed + "/simple")
			.build();
		PythonRequirements unknown = PythonRequirements.builder("unreachable")
			.requirement("milvus-lite-not-in-any-wheel-folder==1.0")
			.build();
		assertThatThrownBy(() -> installer.install(unknown))
			.isInstanceOfSatisfying(MilvusLocalException.class,
					(ex) -> assertThat(ex.reason()).isEqualTo(MilvusLocalException.Reason.PYPI_UNREACHABLE))
			.hasMessageContaining("could not reach the package index")
			.hasMessageContaining("127.0.0.1:" + closed);
	}

	@Test
	void concurrentInstallsBuildTheEnvironmentOnce(@TempDir Path cache) throws Exception {
		List<String> progress = new CopyOnWriteArrayList<>();
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).progress(progress::add).build();
		// pip is already in every new environment, so this needs no download
		PythonRequirements pip = PythonRequirements.builder("pip-only").requirement("pip").build();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<PythonEnvironment> first = pool.submit(() -> installer.install(pip));
			Future<PythonEnvironment> second = pool.submit(() -> installer.install(pip));
			PythonEnvironment a = first.get();
			PythonEnvironment b = second.get();
			assertThat(a.directory()).isEqualTo(b.directory());
			assertThat(a.directory().getFileName().toString()).startsWith("pip-only_pip_py3.");
			assertThat(a.python()).isExecutable();
			assertThat(a.directory().resolve(PythonInstaller.MARKER_FILE)).exists();
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(progress.stream().filter((line) -> line.startsWith("Creating Python environment"))).hasSize(1);
		// a later install finds it complete without any work
		progress.clear();
		installer.install(pip);
		assertThat(progress).isEmpty();
	}

	@Test
	void halfMadeEnvironmentIsRebuilt(@TempDir Path cache) throws Exception {
		List<String> progress = new CopyOnWriteArrayList<>();
		PythonInstaller installer = PythonInstaller.builder().cacheDirectory(cache).progress(progress::add).build();
		PythonRequirements pip = PythonRequirements.builder("pip-only").requirement("pip").build();
		PythonEnvironment environment = installer.install(pip);
		Files.delete(environment.directory().resolve(PythonInstaller.MARKER_FILE));
		progress.clear();
		installer.install(pip);
		assertThat(progress).anyMatch((line) -> line.startsWith("Removing incomplete Python environment"));
		assertThat(environment.directory().resolve(PythonInstaller.MARKER_FILE)).exists();
	}

	@Test
	void cacheDirectoryComesFromTheSystemProperty(@TempDir Path cache) {
		String previous = System.getProperty(CacheDirectory.SYSTEM_PROPERTY);
		System.setProperty(CacheDirectory.SYSTEM_PROPERTY, cache.toString());
		try {
			assertThat(PythonInstaller.builder().build().cacheDirectory()).isEqualTo(cache.toAbsolutePath());
			assertThat(CacheDirectory.resolve(cache.resolve("x"))).isEqualTo(cache.resolve("x").toAbsolutePath());
		}
		finally {
			if (previous == null) {
				System.clearProperty(CacheDirectory.SYSTEM_PROPERTY);
			}
			else {
				System.setProperty(CacheDirectory.SYSTEM_PROPERTY, previous);
			}
		}
	}

}
