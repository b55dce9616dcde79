package dev.milvusboot.autoconfigure.testcontainers;

import java.util.Map;

import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.testcontainers.milvus.MilvusContainer;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} creating {@link MilvusConnectionDetails} from a
 * {@code @ServiceConnection}-annotated {@link MilvusContainer}: the URI of its mapped gRPC port and, when the
 * container enables authentication ({@code COMMON_SECURITY_AUTHORIZATIONENABLED=true}), the {@code root} user with
 * the password from {@code COMMON_SECURITY_DEFAULTROOTPASSWORD} (Milvus' default {@code Milvus} otherwise). An
 * {@code @Ssl} bundle on the container is used for TLS.
 */
class MilvusContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<MilvusContainer, MilvusConnectionDetails> {

	private static final int MILVUS_PORT = 19530;

	MilvusContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "dev.milvusboot.client.MilvusClient");
	}

	@Override
	protected MilvusConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<MilvusContainer> source) {
		return new MilvusContainerConnectionDetails(source);
	}

	/**
	 * {@link MilvusConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	static final class MilvusContainerConnectionDetails extends ContainerConnectionDetails<MilvusContainer>
			implements MilvusConnectionDetails {

		private MilvusContainerConnectionDetails(ContainerConnectionSource<MilvusContainer> source) {
			super(source);
		}

		@Override
		public String getUri() {
			MilvusContainer container = getContainer();
			String scheme = (getSslBundle() != null) ? "https://" : "http://";
			String host = container.getHost();
			return scheme + ((host.indexOf(':') >= 0) ? "[" + host + "]" : host) + ":"
					+ container.getMappedPort(MILVUS_PORT);
		}

		@Override
		public @Nullable String getUsername() {
			return authorizationEnabled() ? "root" : null;
		}

		@Override
		public @Nullable String getPassword() {
			if (!authorizationEnabled()) {
				return null;
			}
			String password = env().get("COMMON_SECURITY_DEFAULTROOTPASSWORD");
			return (password != null && !password.isEmpty()) ? password : "Milvus";
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return super.getSslBundle();
		}

		private boolean authorizationEnabled() {
			return Boolean.parseBoolean(env().get("COMMON_SECURITY_AUTHORIZATIONENABLED"));
		}

		private Map<String, String> env() {
			return getContainer().getEnvMap();
		}

	}

}
