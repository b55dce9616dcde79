package dev.milvusboot.autoconfigure.lite;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Checks the connection properties ({@code milvus.*}) the application sets while Milvus Lite supplies the
 * connection. Those naming another server ({@code milvus.uri}) or configuring TLS ({@code milvus.ssl.enabled=true},
 * {@code milvus.ssl.bundle}, {@code milvus.ssl.server-name}), which Milvus Lite does not serve, contradict it:
 * start-up fails with a {@link MilvusLiteConnectionConflictException}. The others (host, port, token, user,
 * password, database) are ignored: one warning names each with where it is set. Values are never shown, as some are
 * secrets; blank values count as not set, and {@code milvus.ssl.enabled=false} agrees with Milvus Lite.
 */
final class LiteConnectionProperties {

	private static final Log logger = LogFactory.getLog(MilvusLiteAutoConfiguration.class);

	/** Properties Milvus Lite's connection does not use. */
	static final List<String> IGNORED = List.of("milvus.host", "milvus.port", "milvus.token", "milvus.username",
			"milvus.password", "milvus.database");

	/** TLS properties, which contradict Milvus Lite's plain-text connection. */
	static final List<String> TLS = List.of("milvus.ssl.bundle", "milvus.ssl.server-name");

	private static final String URI = "milvus.uri";

	private static final String SSL_ENABLED = "milvus.ssl.enabled";

	private LiteConnectionProperties() {
	}

	/**
	 * Fails on contradicting properties, then logs one warning naming the ignored ones, if any.
	 * @param environment the application's environment
	 * @throws MilvusLiteConnectionConflictException if a property contradicts Milvus Lite's connection
	 */
	static void check(Environment environment) {
		List<String> conflicts = new ArrayList<>();
		ConfigurationProperty uri = find(environment, URI);
		if (uri != null) {
			conflicts.add(describe(URI, uri) + " names a server to connect to");
		}
		ConfigurationProperty sslEnabled = find(environment, SSL_ENABLED);
		if (sslEnabled != null && Binder.get(environment).bind(SSL_ENABLED, Boolean.class).orElse(false)) {
			conflicts.add(describe(SSL_ENABLED, sslEnabled) + " configures TLS, which Milvus Lite does not serve");
		}
		for (String name : TLS) {
			ConfigurationProperty property = find(environment, name);
			if (property != null) {
				conflicts.add(describe(name, property) + " configures TLS, which Milvus Lite does not serve");
			}
		}
		if (!conflicts.isEmpty()) {
			throw new MilvusLiteConnectionConflictException(conflicts);
		}
		List<String> ignored = new ArrayList<>();
		for (String name : IGNORED) {
			ConfigurationProperty property = find(environment, name);
			if (property != null) {
				ignored.add(describe(name, property));
			}
		}
		if (!ignored.isEmpty() && logger.isWarnEnabled()) {
			logger.warn("Milvus Lite supplies the connection (milvus.lite.enabled=true), so these settings are "
					+ "ignored: " + String.join(", ", ignored)
					+ "; remove them, or set them only where milvus.lite.enabled is false");
		}
	}

	/** The property as the application sets it (the source that wins), or {@code null} if unset or blank. */
	private static @Nullable ConfigurationProperty find(Environment environment, String name) {
		ConfigurationPropertyName key = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(key);
			if (property != null) {
				Object value = property.getValue();
				boolean blank = value == null || (value instanceof CharSequence text && !StringUtils.hasText(text));
				return blank ? null : property;
			}
		}
		return null;
	}

	private static String describe(String name, ConfigurationProperty property) {
		Origin origin = property.getOrigin();
		if (origin instanceof PropertySourceOrigin source) {
			return name + " (property source '" + source.getPropertySource().getName() + "')";
		}
		return (origin != null) ? name + " (" + origin + ")" : name;
	}

}
