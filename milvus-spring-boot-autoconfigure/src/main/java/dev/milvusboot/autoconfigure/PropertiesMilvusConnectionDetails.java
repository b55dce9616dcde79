package dev.milvusboot.autoconfigure;

import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Adapts {@link MilvusProperties} to {@link MilvusConnectionDetails}. A {@code milvus.uri} wins over
 * {@code milvus.host} and {@code milvus.port}; {@code milvus.ssl.enabled=true} turns the URI into an
 * {@code https} one. Invalid values fail with an {@link InvalidConfigurationPropertyValueException} naming the
 * property; secrets are never part of such messages, nor of {@link #toString()}.
 *
 * @since 0.1.0
 */
public class PropertiesMilvusConnectionDetails implements MilvusConnectionDetails {

	private final MilvusProperties properties;

	private final @Nullable SslBundles sslBundles;

	/**
	 * Creates connection details from properties.
	 * @param properties the properties
	 * @param sslBundles the SSL bundles, or {@code null} if none are available
	 */
	public PropertiesMilvusConnectionDetails(MilvusProperties properties, @Nullable SslBundles sslBundles) {
		Assert.notNull(properties, "'properties' must not be null");
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public String getUri() {
		MilvusProperties.Ssl ssl = this.properties.getSsl();
		String uri = this.properties.getUri();
		if (StringUtils.hasText(uri)) {
			MilvusEndpoint endpoint = parseUri(uri);
			if (endpoint.secure() && Boolean.FALSE.equals(ssl.getEnabled())) {
				throw new InvalidConfigurationPropertyValueException("milvus.ssl.enabled", false,
						"milvus.uri uses https, which needs TLS; remove milvus.ssl.enabled or use an http URI");
			}
			return (isSslEnabled() && !endpoint.secure()) ? secure(endpoint).toString() : uri.trim();
		}
		String host = this.properties.getHost();
		if (!StringUtils.hasText(host)) {
			throw new InvalidConfigurationPropertyValueException("milvus.host", host,
					"Host must not be empty; set milvus.host or milvus.uri");
		}
		int port = this.properties.getPort();
		if (port < 1 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException("milvus.port", port,
					"Port must be between 1 and 65535");
		}
		return new MilvusEndpoint(host.trim(), port, isSslEnabled(), null).toString();
	}

	@Override
	public @Nullable String getToken() {
		return blankToNull(this.properties.getToken());
	}

	@Override
	public @Nullable String getUsername() {
		checkCredentials();
		return blankToNull(this.properties.getUsername());
	}

	@Override
	public @Nullable String getPassword() {
		checkCredentials();
		return this.properties.getPassword();
	}

	@Override
	public @Nullable String getDatabase() {
		return blankToNull(this.properties.getDatabase());
	}

	@Override
	public @Nullable SslBundle getSslBundle() {
		String name = this.properties.getSsl().getBundle();
		if (!isSslEnabled() || !StringUtils.hasText(name)) {
			return null;
		}
		if (this.sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException("milvus.ssl.bundle", name,
					"No SSL bundles are available; configure one under spring.ssl.bundle");
		}
		try {
			return this.sslBundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException("milvus.ssl.bundle", name,
					"No SSL bundle named '" + name + "' is configured under spring.ssl.bundle; known bundles: "
							+ this.sslBundles.getBundleNames(),
					ex);
		}
	}

	private boolean isSslEnabled() {
		MilvusProperties.Ssl ssl = this.properties.getSsl();
		if (ssl.getEnabled() != null) {
			return ssl.getEnabled();
		}
		String uri = this.properties.getUri();
		return StringUtils.hasText(ssl.getBundle()) || (StringUtils.hasText(uri) && parseUri(uri).secure());
	}

	private void checkCredentials() {
		if (StringUtils.hasText(this.properties.getToken())) {
			return;
		}
		boolean hasUsername = StringUtils.hasText(this.properties.getUsername());
		boolean hasPassword = this.properties.getPassword() != null;
		if (hasUsername && !hasPassword) {
			throw new InvalidConfigurationPropertyValueException("milvus.username", this.properties.getUsername(),
					"milvus.username is set but milvus.password is not; set both, or set milvus.token instead");
		}
		if (!hasUsername && hasPassword) {
			throw new InvalidConfigurationPropertyValueException("milvus.username", this.properties.getUsername(),
					"milvus.password is set but milvus.username is not; set both, or set milvus.token instead");
		}
	}

	private static MilvusEndpoint parseUri(String uri) {
		try {
			return MilvusEndpoint.parse(uri);
		}
		catch (MilvusInvalidArgumentException ex) {
			if (!redact(uri).equals(uri)) {
				// Boot's analyzer would show the value, credentials included
				throw new InvalidMilvusConfigurationException("milvus.uri", ex.getMessage(), null);
			}
			throw new InvalidConfigurationPropertyValueException("milvus.uri", uri, ex.getMessage(), ex);
		}
	}

	private static MilvusEndpoint secure(MilvusEndpoint endpoint) {
		return new MilvusEndpoint(endpoint.host(), endpoint.port(), true, endpoint.database());
	}

	private static String redact(String uri) {
		int schemeEnd = uri.indexOf("://");
		int at = uri.indexOf('@');
		return (schemeEnd >= 0 && at > schemeEnd) ? uri.substring(0, schemeEnd + 3) + "******@" + uri.substring(at + 1)
				: uri;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return StringUtils.hasText(value) ? value : null;
	}

	@Override
	public String toString() {
		MilvusProperties properties = this.properties;
		return "PropertiesMilvusConnectionDetails[uri=" + redactNullable(properties.getUri()) + ", host="
				+ properties.getHost() + ", port=" + properties.getPort() + ", database=" + properties.getDatabase()
				+ ", username=" + properties.getUsername() + ", token=" + MilvusProperties.mask(properties.getToken())
				+ ", password=" + MilvusProperties.mask(properties.getPassword()) + ", sslBundle="
				+ properties.getSsl().getBundle() + "]";
	}

	private static @Nullable String redactNullable(@Nullable String uri) {
		return (uri != null) ? redact(uri) : null;
	}

}
