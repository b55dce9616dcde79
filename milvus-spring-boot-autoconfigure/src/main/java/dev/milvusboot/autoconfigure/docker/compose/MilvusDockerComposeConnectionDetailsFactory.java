package dev.milvusboot.autoconfigure.docker.compose;

import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;
import org.springframework.boot.ssl.SslBundle;

/**
 * {@link DockerComposeConnectionDetailsFactory} creating {@link MilvusConnectionDetails} for a
 * {@code milvusdb/milvus} service: the URI of its published gRPC port, the {@code root} user when the service
 * enables authentication (see {@link MilvusEnvironment}), and an SSL bundle from the service's
 * {@code org.springframework.boot.sslbundle.*} labels.
 */
class MilvusDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<MilvusConnectionDetails> {

	private static final int MILVUS_PORT = 19530;

	MilvusDockerComposeConnectionDetailsFactory() {
		super("milvusdb/milvus", "dev.milvusboot.client.MilvusClient");
	}

	@Override
	protected MilvusConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new MilvusDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * {@link MilvusConnectionDetails} backed by a {@code milvusdb/milvus} {@link RunningService}.
	 */
	static class MilvusDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements MilvusConnectionDetails {

		private final String uri;

		private final MilvusEnvironment environment;

		private final @Nullable SslBundle sslBundle;

		MilvusDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.sslBundle = getSslBundle(service);
			String host = service.host();
			this.uri = ((this.sslBundle != null) ? "https://" : "http://")
					+ ((host.indexOf(':') >= 0) ? "[" + host + "]" : host) + ":" + service.ports().get(MILVUS_PORT);
			this.environment = new MilvusEnvironment(service.env());
		}

		@Override
		public String getUri() {
			return this.uri;
		}

		@Override
		public @Nullable String getUsername() {
			return this.environment.getUsername();
		}

		@Override
		public @Nullable String getPassword() {
			return this.environment.getPassword();
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}
