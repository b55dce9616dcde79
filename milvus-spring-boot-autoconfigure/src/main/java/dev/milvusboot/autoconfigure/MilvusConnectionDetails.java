package dev.milvusboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Details required to establish a connection to a Milvus server. By default they come from {@link MilvusProperties};
 * a bean of this type (such as one from {@code @ServiceConnection} or Docker Compose) replaces them.
 * <p>
 * TLS is used when {@link #getUri()} has the {@code https} scheme or {@link #getSslBundle()} returns a bundle.
 *
 * @since 0.1.0
 */
public interface MilvusConnectionDetails extends ConnectionDetails {

	/**
	 * URI of the server: {@code http://host:port} or {@code https://host:port} (TLS), with an optional
	 * {@code /database} path.
	 * @return the URI
	 */
	String getUri();

	/**
	 * Token to authenticate with (an API key, or {@code user:password}); wins over
	 * {@link #getUsername()} and {@link #getPassword()}.
	 * @return the token, or {@code null}
	 */
	default @Nullable String getToken() {
		return null;
	}

	/**
	 * Login user of the server.
	 * @return the user, or {@code null}
	 */
	default @Nullable String getUsername() {
		return null;
	}

	/**
	 * Login password of the server.
	 * @return the password, or {@code null}
	 */
	default @Nullable String getPassword() {
		return null;
	}

	/**
	 * Database used by calls that name none; wins over a database in the URI.
	 * @return the database, or {@code null} for the one in the URI, else the server's default
	 */
	default @Nullable String getDatabase() {
		return null;
	}

	/**
	 * SSL bundle with the trust material and, for mutual TLS, the client key.
	 * @return the SSL bundle, or {@code null}
	 */
	default @Nullable SslBundle getSslBundle() {
		return null;
	}

}
