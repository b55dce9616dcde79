package dev.milvusboot.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Where a Milvus server listens: host, port, whether TLS is used, and the database named in the URI, if any.
 *
 * @param host the host name or address
 * @param port the gRPC port
 * @param secure whether the connection uses TLS ({@code https} URIs)
 * @param database the database named by the URI path, or {@code null}
 */
public record MilvusEndpoint(String host, int port, boolean secure, String database) {

	/** The port Milvus listens on unless told otherwise. */
	public static final int DEFAULT_PORT = 19530;

	/** The host used unless told otherwise. */
	public static final String DEFAULT_HOST = "localhost";

	public MilvusEndpoint {
		if (host == null || host.isBlank()) {
			throw new MilvusInvalidArgumentException("Milvus host must not be empty");
		}
		if (port < 1 || port > 65535) {
			throw new MilvusInvalidArgumentException("Milvus port must be between 1 and 65535, but was " + port);
		}
		database = (database == null || database.isBlank()) ? null : database;
	}

	/**
	 * Parses a Milvus URI: {@code http://host:port}, {@code https://host:port} (TLS), {@code tcp://host:port} or
	 * {@code grpc://host:port}, each with an optional {@code /database} path. A URI without a port uses 19530.
	 * @param uri the URI
	 * @return the endpoint
	 * @throws MilvusInvalidArgumentException if the URI is malformed or has an unknown scheme
	 */
	public static MilvusEndpoint parse(String uri) {
		if (uri == null || uri.isBlank()) {
			throw new MilvusInvalidArgumentException("Milvus URI must not be empty");
		}
		URI parsed;
		try {
			parsed = new URI(uri.trim());
		}
		catch (URISyntaxException ex) {
			throw new MilvusInvalidArgumentException("Malformed Milvus URI '" + redact(uri) + "': " + ex.getReason());
		}
		String scheme = parsed.getScheme();
		if (scheme == null) {
			throw new MilvusInvalidArgumentException("Milvus URI '" + redact(uri)
					+ "' has no scheme; use http://host:port, https://host:port or tcp://host:port");
		}
		boolean secure = switch (scheme.toLowerCase(Locale.ROOT)) {
			case "http", "tcp", "grpc" -> false;
			case "https", "grpcs" -> true;
			default -> throw new MilvusInvalidArgumentException("Milvus URI '" + redact(uri) + "' has unknown scheme '"
					+ scheme + "'; use http, https, tcp or grpc");
		};
		if (parsed.getHost() == null) {
			throw new MilvusInvalidArgumentException("Milvus URI '" + redact(uri) + "' has no valid host");
		}
		if (parsed.getUserInfo() != null) {
			throw new MilvusInvalidArgumentException(
					"Milvus URI must not carry credentials; set the token or username and password instead");
		}
		int port = (parsed.getPort() != -1) ? parsed.getPort() : DEFAULT_PORT;
		String path = parsed.getPath();
		String database = null;
		if (path != null && !path.isEmpty() && !path.equals("/")) {
			database = path.startsWith("/") ? path.substring(1) : path;
			if (database.endsWith("/")) {
				database = database.substring(0, database.length() - 1);
			}
			if (database.contains("/")) {
				throw new MilvusInvalidArgumentException(
						"Milvus URI '" + redact(uri) + "' path must name one database, but was '" + path + "'");
			}
		}
		String host = parsed.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		return new MilvusEndpoint(host, port, secure, database);
	}

	/** Returns {@code host:port}, the form used in logs and health details. */
	public String address() {
		return (this.host.indexOf(':') >= 0 ? "[" + this.host + "]" : this.host) + ":" + this.port;
	}

	/** Returns this endpoint with the given database. */
	public MilvusEndpoint withDatabase(String database) {
		return new MilvusEndpoint(this.host, this.port, this.secure, database);
	}

	private static String redact(String uri) {
		int at = uri.indexOf('@');
		int schemeEnd = uri.indexOf("://");
		if (at > 0 && schemeEnd >= 0 && at > schemeEnd) {
			return uri.substring(0, schemeEnd + 3) + "***@" + uri.substring(at + 1);
		}
		return uri;
	}

	@Override
	public String toString() {
		return (this.secure ? "https://" : "http://") + address()
				+ (Objects.nonNull(this.database) ? "/" + this.database : "");
	}

}
