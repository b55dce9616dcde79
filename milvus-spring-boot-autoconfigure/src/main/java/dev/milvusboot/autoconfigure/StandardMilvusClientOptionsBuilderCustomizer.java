package dev.milvusboot.autoconfigure;

import java.time.Duration;

import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.TlsOptions;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * A {@link MilvusClientOptionsBuilderCustomizer} that applies {@link MilvusConnectionDetails} (where to connect,
 * credentials, database, SSL bundle) and the other {@link MilvusProperties} (timeouts, keepalive, pool, message
 * sizes, retries, search coalescing, TLS server name). Invalid values fail with an {@link InvalidConfigurationPropertyValueException}
 * naming the property. Runs first (order {@code 0}), so other customizers can override what it sets.
 *
 * @since 0.1.0
 */
public class StandardMilvusClientOptionsBuilderCustomizer implements MilvusClientOptionsBuilderCustomizer, Ordered {

	private static final Log logger = LogFactory.getLog(StandardMilvusClientOptionsBuilderCustomizer.class);

	private static final long MIN_MESSAGE_SIZE = 1024;

	private final MilvusConnectionDetails connectionDetails;

	private final MilvusProperties properties;

	private int order = 0;

	/**
	 * Creates the customizer.
	 * @param connectionDetails where and how to connect
	 * @param properties the other settings
	 */
	public StandardMilvusClientOptionsBuilderCustomizer(MilvusConnectionDetails connectionDetails,
			MilvusProperties properties) {
		Assert.notNull(connectionDetails, "'connectionDetails' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		this.connectionDetails = connectionDetails;
		this.properties = properties;
	}

	@Override
	public void customize(MilvusClientOptions.Builder builder) {
		applyConnectionDetails(builder);
		MilvusProperties properties = this.properties;
		builder.connectTimeout(positive(properties.getConnectTimeout(), "milvus.connect-timeout"));
		builder.requestTimeout(positive(properties.getRequestTimeout(), "milvus.request-timeout"));
		builder.keepAliveTime(positive(properties.getKeepAlive().getTime(), "milvus.keep-alive.time"));
		builder.keepAliveTimeout(positive(properties.getKeepAlive().getTimeout(), "milvus.keep-alive.timeout"));
		builder.keepAliveWithoutCalls(properties.getKeepAlive().isWithoutCalls());
		Integer poolSize = properties.getPoolSize();
		if (poolSize != null) {
			if (poolSize < 1 || poolSize > 64) {
				throw new InvalidConfigurationPropertyValueException("milvus.pool-size", poolSize,
						"Pool size must be between 1 and 64");
			}
			builder.poolSize(poolSize);
		}
		builder.maxInboundMessageSize(bytes(properties.getMaxInboundMessageSize(), "milvus.max-inbound-message-size"));
		builder.maxRequestSize(bytes(properties.getMaxRequestSize(), "milvus.max-request-size"));
		builder.retry(retry(properties.getRetry()));
		builder.searchCoalescing(searchCoalescing(properties.getSearchCoalescing()));
	}

	private static SearchCoalescing searchCoalescing(MilvusProperties.SearchCoalescing coalescing) {
		if (!coalescing.isEnabled()) {
			return SearchCoalescing.DISABLED;
		}
		if (coalescing.getMaxConcurrentRequests() < 1) {
			throw new InvalidConfigurationPropertyValueException("milvus.search-coalescing.max-concurrent-requests",
					coalescing.getMaxConcurrentRequests(),
					"Must be at least 1 (set milvus.search-coalescing.enabled=false to send every search alone)");
		}
		if (coalescing.getMaxQueriesPerRequest() < 1 || coalescing.getMaxQueriesPerRequest() > 16384) {
			throw new InvalidConfigurationPropertyValueException("milvus.search-coalescing.max-queries-per-request",
					coalescing.getMaxQueriesPerRequest(), "Must be between 1 and 16384");
		}
		return new SearchCoalescing(coalescing.getMaxConcurrentRequests(), coalescing.getMaxQueriesPerRequest());
	}

	private void applyConnectionDetails(MilvusClientOptions.Builder builder) {
		MilvusConnectionDetails details = this.connectionDetails;
		String uri = details.getUri();
		builder.uri(uri);
		builder.token(details.getToken());
		builder.username(details.getUsername());
		builder.password(details.getPassword());
		builder.database(details.getDatabase());
		builder.tls(tls(uri, details.getSslBundle()));
	}

	private @Nullable TlsOptions tls(String uri, @Nullable SslBundle bundle) {
		String serverName = this.properties.getSsl().getServerName();
		boolean secure = bundle != null || isSecure(uri);
		if (!secure) {
			if (StringUtils.hasText(serverName)) {
				throw new InvalidConfigurationPropertyValueException("milvus.ssl.server-name", serverName,
						"TLS is not enabled; set milvus.ssl.enabled=true, milvus.ssl.bundle or an https URI");
			}
			return null;
		}
		TlsOptions.Builder tls = TlsOptions.builder();
		if (StringUtils.hasText(serverName)) {
			tls.serverName(serverName.trim());
		}
		if (bundle != null) {
			tls.trustManagerFactory(bundle.getManagers().getTrustManagerFactory());
			if (bundle.getStores().getKeyStore() != null) {
				tls.keyManagerFactory(bundle.getManagers().getKeyManagerFactory());
			}
			if (bundle.getOptions().isSpecified()) {
				logger.warn("The ciphers and enabled protocols of the SSL bundle for Milvus are not applied; "
						+ "the gRPC transport chooses them");
			}
		}
		return tls.build();
	}

	private static boolean isSecure(String uri) {
		try {
			return MilvusEndpoint.parse(uri).secure();
		}
		catch (MilvusInvalidArgumentException ex) {
			// Reported with the other option errors when the options are built
			return false;
		}
	}

	private static RetryOptions retry(MilvusProperties.Retry retry) {
		if (retry.getMaxAttempts() < 1) {
			throw new InvalidConfigurationPropertyValueException("milvus.retry.max-attempts", retry.getMaxAttempts(),
					"Must be at least 1 (1 disables retries)");
		}
		if (!(retry.getMultiplier() >= 1.0)) {
			throw new InvalidConfigurationPropertyValueException("milvus.retry.multiplier", retry.getMultiplier(),
					"Must be at least 1.0");
		}
		return new RetryOptions(retry.getMaxAttempts(), positive(retry.getInitialBackoff(), "milvus.retry.initial-backoff"),
				positive(retry.getMaxBackoff(), "milvus.retry.max-backoff"), retry.getMultiplier(),
				positive(retry.getMaxElapsed(), "milvus.retry.max-elapsed"));
	}

	private static Duration positive(@Nullable Duration duration, String property) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, duration, "Must be a positive duration");
		}
		return duration;
	}

	private static int bytes(@Nullable DataSize size, String property) {
		if (size == null || size.toBytes() < MIN_MESSAGE_SIZE) {
			throw new InvalidConfigurationPropertyValueException(property, size, "Must be at least 1KB");
		}
		if (size.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(property, size,
					"Must be less than 2GB (" + Integer.MAX_VALUE + " bytes at most)");
		}
		return (int) size.toBytes();
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the order of this customizer.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
