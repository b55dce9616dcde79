package dev.milvusboot.client;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating a client is cheap: no gRPC or Netty class is loaded and no channel built until the first call, which then
 * connects to a real Milvus Lite. The client classes are loaded in a class loader of their own, so that what other
 * tests of this JVM loaded does not count.
 */
@MilvusLiteTest
class LazyClientTest {

	private static final List<String> TRANSPORT_CLASSES = List.of("io.grpc.ManagedChannel",
			"io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder", "io.grpc.StatusRuntimeException",
			"io.grpc.ClientInterceptor", "com.google.protobuf.GeneratedMessage");

	@Test
	void whenAClientIsCreatedThenNothingOfGrpcIsLoadedUntilTheFirstCallConnects(MilvusLite lite) throws Exception {
		try (IsolatedClassLoader loader = new IsolatedClassLoader()) {
			Class<?> clientClass = loader.loadClass(MilvusClient.class.getName());
			Object client = clientClass.getMethod("create", String.class).invoke(null, lite.uri());
			Object before = clientClass.getMethod("poolStatistics").invoke(client);
			assertThat(before).hasToString("PoolStatistics[channels=2, ready=0, connecting=0, idle=2, "
					+ "transientFailure=0, shutdown=0, callsInFlight=0]");
			assertThat(loader.loaded(TRANSPORT_CLASSES)).isEmpty();

			assertThat(clientClass.getMethod("serverVersion").invoke(client)).asString().isNotEmpty();
			assertThat(loader.loaded(TRANSPORT_CLASSES)).containsExactlyElementsOf(TRANSPORT_CLASSES);
			Object after = clientClass.getMethod("poolStatistics").invoke(client);
			assertThat(after).asString().contains("channels=2").doesNotContain("ready=0");
			clientClass.getMethod("close").invoke(client);
			assertThat(clientClass.getMethod("poolStatistics").invoke(client)).asString().contains("shutdown=2");
		}
	}

	@Test
	void theIsolatedLoaderLeavesNettysNativeTransportToTheApplicationLoader() throws Exception {
		String epoll = "io.grpc.netty.shaded.io.netty.channel.epoll.Epoll";
		assertThat(Class.forName(epoll).getMethod("isAvailable").invoke(null))
			.as("epoll in the application class loader (Linux x86-64 or aarch64)").isEqualTo(true);
		try (IsolatedClassLoader loader = new IsolatedClassLoader()) {
			assertThat(loader.loadClass(epoll).getMethod("isAvailable").invoke(null))
				.as("epoll in the isolated loader, which must not load the native library a second time").isEqualTo(false);
		}
	}

	@Test
	void whenTheServerIsUnreachableThenCreatingAndClosingTheClientNeitherFailsNorBuildsChannels() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		try (IsolatedClassLoader loader = new IsolatedClassLoader()) {
			Class<?> clientClass = loader.loadClass(MilvusClient.class.getName());
			Object client = clientClass.getMethod("create", String.class).invoke(null, "http://127.0.0.1:" + port);
			clientClass.getMethod("close").invoke(client);
			assertThat(clientClass.getMethod("isClosed").invoke(client)).isEqualTo(true);
			assertThat(clientClass.getMethod("poolStatistics").invoke(client)).asString()
				.contains("idle=0", "shutdown=2");
			assertThat(loader.loaded(TRANSPORT_CLASSES)).isEmpty();
		}
	}

	@Test
	void whenAClientIsClosedBeforeItsFirstCallThenCallsFailAsOnAnyClosedClient(MilvusLite lite) {
		MilvusClient client = MilvusClient.create(MilvusClientOptions.builder().uri(lite.uri()).poolSize(3).build());
		client.close();
		client.close();
		assertThat(client.poolStatistics().shutdown()).isEqualTo(3);
		assertThatExceptionOfType(MilvusClientClosedException.class).isThrownBy(client::listCollections)
			.withMessageContaining("closed");
		assertThatExceptionOfType(MilvusClientClosedException.class)
			.isThrownBy(() -> client.withDatabase("other").serverVersion());
	}

	@Test
	void whenTheTlsCertificateIsNoCertificateThenCreatingTheClientFails(@TempDir Path directory) throws IOException {
		Path notACertificate = Files.writeString(directory.resolve("ca.pem"),
				"-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
		Path empty = Files.writeString(directory.resolve("empty.pem"), "nothing here\n");
		for (Path file : List.of(notACertificate, empty)) {
			MilvusClientOptions options = MilvusClientOptions.builder()
				.uri("https://127.0.0.1:19530")
				.tls(TlsOptions.builder().trustCertificate(file).build())
				.build();
			assertThatExceptionOfType(MilvusInvalidArgumentException.class)
				.isThrownBy(() -> MilvusClient.create(options))
				.withMessageContaining("TLS trust certificate '" + file + "'");
		}
	}

	/**
	 * Loads this test's class path itself, not from the application class loader; without Netty's native libraries,
	 * so its Netty runs on NIO. Netty's epoll library loaded a second time by this loader would, once the loader is
	 * collected, unregister the native methods of the application loader's Netty (its JNI_OnUnload finds the class
	 * by name through the system class loader), and every later test's connection would fail with
	 * {@code UnsatisfiedLinkError}.
	 */
	private static final class IsolatedClassLoader extends URLClassLoader {

		private static final String NATIVE_LIBRARIES = "META-INF/native/";

		IsolatedClassLoader() throws MalformedURLException {
			super(classPath(), ClassLoader.getPlatformClassLoader());
		}

		@Override
		public URL findResource(String name) {
			return name.startsWith(NATIVE_LIBRARIES) ? null : super.findResource(name);
		}

		@Override
		public Enumeration<URL> findResources(String name) throws IOException {
			return name.startsWith(NATIVE_LIBRARIES) ? Collections.emptyEnumeration() : super.findResources(name);
		}

		List<String> loaded(List<String> names) {
			List<String> loaded = new ArrayList<>();
			for (String name : names) {
				if (findLoadedClass(name) != null) {
					loaded.add(name);
				}
			}
			return loaded;
		}

		private static URL[] classPath() throws MalformedURLException {
			String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			List<URL> urls = new ArrayList<>();
			for (String entry : path.split(File.pathSeparator)) {
				if (!entry.isEmpty()) {
					urls.add(new File(entry).toURI().toURL());
				}
			}
			return urls.toArray(URL[]::new);
		}

	}

}
