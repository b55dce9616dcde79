package dev.milvusboot.autoconfigure.health;

import java.time.Duration;

import dev.milvusboot.client.HealthStatus;
import dev.milvusboot.client.MilvusClient;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link HealthIndicator} for a Milvus server. Asks the server whether it is healthy and reports {@code UP} with its
 * {@code version}, {@code endpoint} ({@code host:port}, never credentials) and {@code database}, or {@code DOWN} with
 * the server's {@code reasons} or the connection error. Every check is bounded by its own timeout, so a dead server
 * never stalls the health endpoint for longer.
 *
 * @since 0.1.0
 */
public class MilvusHealthIndicator extends AbstractHealthIndicator {

	/**
	 * Default time a health check may take.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration MIN_REMAINING = Duration.ofMillis(50);

	private final MilvusClient client;

	private final Duration timeout;

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
		super("Milvus health check failed");
		Assert.notNull(client, "'client' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(),
				"'timeout' must be a positive duration");
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetail("endpoint", this.client.options().endpoint().address());
		String database = this.client.database();
		builder.withDetail("database", (database != null) ? database : "default");
		long start = System.nanoTime();
		HealthStatus status = this.client.withTimeout(this.timeout).checkHealth();
		Duration remaining = this.timeout.minusNanos(System.nanoTime() - start);
		String version = this.client.withTimeout(max(remaining, MIN_REMAINING)).serverVersion();
		builder.withDetail("version", version);
		if (status.healthy()) {
			builder.up();
		}
		else {
			builder.down().withDetail("reasons", status.reasons());
		}
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
