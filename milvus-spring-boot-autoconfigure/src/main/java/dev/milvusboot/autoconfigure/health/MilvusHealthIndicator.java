package dev.milvusboot.autoconfigure.health;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import dev.milvusboot.client.HealthStatus;
import dev.milvusboot.client.MilvusClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for a Milvus server. Asks the server whether it is healthy and reports {@code UP} with its
 * {@code version}, {@code endpoint} ({@code host:port}, never credentials) and {@code database}, or {@code DOWN} with
 * the server's {@code reasons} or the connection {@code error}. Every check is bounded by its own timeout, so a dead
 * server never stalls the health endpoint for longer.
 * <p>
 * Changes are logged, not checks: one WARN line with the reason when the server goes down (or is down at the first
 * check), one INFO line when it is up again; repeated checks of a down server log nothing. The stack trace of a
 * failed check is logged only when DEBUG is enabled for this class.
 *
 * @since 0.1.0
 */
public class MilvusHealthIndicator implements HealthIndicator {

	/**
	 * Default time a health check may take.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(MilvusHealthIndicator.class);

	private static final Duration MIN_REMAINING = Duration.ofMillis(50);

	private final MilvusClient client;

	private final Duration timeout;

	private final AtomicReference<@Nullable Status> lastStatus = new AtomicReference<>();

	/**
	 * Creates an indicator with the {@link #DEFAULT_TIMEOUT default timeout}.
	 * @param client the client
	 */
	public MilvusHealthIndicator(MilvusClient client) {
		this(client, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates an indicator.
	 * @param client the client
	 * @param timeout the time a health check may take
	 */
	public MilvusHealthIndicator(MilvusClient client, Duration timeout) {
		Assert.notNull(client, "'client' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
				"'timeout' must be a positive duration");
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	public Health health() {
		String endpoint = this.client.options().endpoint().address();
		Health.Builder builder = new Health.Builder().withDetail("endpoint", endpoint);
		String database = this.client.database();
		builder.withDetail("database", (database != null) ? database : "default");
		Exception failure = null;
		String reason = null;
		try {
			reason = check(builder);
		}
		catch (Exception ex) {
			failure = ex;
			reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
			builder.down(ex);
		}
		Health health = builder.build();
		logChange(health, endpoint, reason, failure);
		return health;
	}

	/** Fills in the builder; returns why the server is down, or {@code null} if it is up. */
	private @Nullable String check(Health.Builder builder) {
		long start = System.nanoTime();
		HealthStatus status = this.client.withTimeout(this.timeout).checkHealth();
		Duration remaining = this.timeout.minusNanos(System.nanoTime() - start);
		String version = this.client.withTimeout(max(remaining, MIN_REMAINING)).serverVersion();
		builder.withDetail("version", version);
		if (status.healthy()) {
			builder.up();
			return null;
		}
		builder.down().withDetail("reasons", status.reasons());
		return "the server reports " + status.reasons();
	}

	private void logChange(Health health, String endpoint, @Nullable String reason, @Nullable Exception failure) {
		Status previous = this.lastStatus.getAndSet(health.getStatus());
		if (Status.DOWN.equals(health.getStatus()) && !Status.DOWN.equals(previous)) {
			String message = "Milvus at " + endpoint + " is down: " + reason;
			if (failure != null && logger.isDebugEnabled()) {
				logger.warn(message, failure);
			}
			else {
				logger.warn(message);
			}
		}
		else if (Status.UP.equals(health.getStatus()) && Status.DOWN.equals(previous) && logger.isInfoEnabled()) {
			logger.info("Milvus at " + endpoint + " is up again (version " + health.getDetails().get("version") + ")");
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
