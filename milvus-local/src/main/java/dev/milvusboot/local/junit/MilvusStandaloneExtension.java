package dev.milvusboot.local.junit;

import java.io.IOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.milvusboot.local.MilvusLocalException;
import dev.milvusboot.local.MilvusStandalone;

/**
 * Resolves {@link MilvusStandalone} (one shared plain server per test JVM) and {@link TestNames} parameters. Use
 * it through {@link MilvusStandaloneTest}. Servers of other configurations come from the static helpers, each
 * started at most once per test JVM and stopped when its tests are done.
 */
public final class MilvusStandaloneExtension implements ParameterResolver {

	/**
	 * The shared plain server, started on first use.
	 * @param context any extension context of the test JVM
	 * @return the running server
	 */
	public static MilvusStandalone server(ExtensionContext context) {
		return SharedServers.get(context, "milvus-standalone", MilvusStandalone.class,
				() -> MilvusStandalone.builder().build().start());
	}

	/**
	 * The shared server with authorization enabled (user {@value MilvusStandalone#ROOT_USER}, password
	 * {@value MilvusStandalone#ROOT_PASSWORD}), started on first use.
	 * @param context any extension context of the test JVM
	 * @return the running server
	 */
	public static MilvusStandalone withAuthorization(ExtensionContext context) {
		return SharedServers.get(context, "milvus-standalone-auth", MilvusStandalone.class,
				() -> MilvusStandalone.builder().authorization(true).build().start());
	}

	/**
	 * The throwaway certificates of the shared TLS servers (made with {@code openssl} on first use).
	 * @param context any extension context of the test JVM
	 * @return the certificates
	 */
	public static TestCertificates certificates(ExtensionContext context) {
		return SharedServers.get(context, "milvus-standalone-certificates", TestCertificatesResource.class,
				() -> {
					try {
						return new TestCertificatesResource(TestCertificates.create());
					}
					catch (IOException ex) {
						throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
								"Cannot make test certificates with openssl: " + ex, ex);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
								"Interrupted while making test certificates", ex);
					}
				})
			.certificates();
	}

	/**
	 * The shared server with one-way TLS (mode 1) using {@link #certificates(ExtensionContext)}; clients trust
	 * {@link TestCertificates#ca()}.
	 * @param context any extension context of the test JVM
	 * @return the running server
	 */
	public static MilvusStandalone withTls(ExtensionContext context) {
		return server(context, false, MilvusStandaloneTest.Tls.ONE_WAY);
	}

	/**
	 * The shared server with mutual TLS (mode 2) using {@link #certificates(ExtensionContext)}; clients present
	 * {@link TestCertificates#clientCertificate()}.
	 * @param context any extension context of the test JVM
	 * @return the running server
	 */
	public static MilvusStandalone withMutualTls(ExtensionContext context) {
		return server(context, false, MilvusStandaloneTest.Tls.MUTUAL);
	}

	/**
	 * The shared server of a configuration, started on first use.
	 * @param context any extension context of the test JVM
	 * @param authorization whether authentication is required
	 * @param tls the TLS mode
	 * @return the running server
	 */
	public static MilvusStandalone server(ExtensionContext context, boolean authorization,
			MilvusStandaloneTest.Tls tls) {
		if (tls == MilvusStandaloneTest.Tls.NONE) {
			return authorization ? withAuthorization(context) : server(context);
		}
		TestCertificates certificates = certificates(context);
		String key = "milvus-standalone-" + tls + (authorization ? "-auth" : "");
		return SharedServers.get(context, key, MilvusStandalone.class, () -> {
			MilvusStandalone.Builder builder = MilvusStandalone.builder().authorization(authorization);
			if (tls == MilvusStandaloneTest.Tls.ONE_WAY) {
				builder.tls(certificates.serverCertificate(), certificates.serverKey());
			}
			else {
				builder.mutualTls(certificates.serverCertificate(), certificates.serverKey(), certificates.ca())
					.probeClientCertificate(certificates.clientCertificate(), certificates.clientKey());
			}
			return builder.build().start();
		});
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MilvusStandalone.class || type == TestNames.class || type == TestCertificates.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		if (type == TestNames.class) {
			return SharedServers.names(context);
		}
		if (type == TestCertificates.class) {
			return certificates(context);
		}
		MilvusStandaloneTest settings = context.getTestClass()
			.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, MilvusStandaloneTest.class))
			.orElse(null);
		return (settings == null) ? server(context) : server(context, settings.authorization(), settings.tls());
	}

	/** Keeps certificates in the store (nothing to close: the temporary files go with the OS's cleaning). */
	private record TestCertificatesResource(TestCertificates certificates) implements AutoCloseable {

		@Override
		public void close() {
		}

	}

}
