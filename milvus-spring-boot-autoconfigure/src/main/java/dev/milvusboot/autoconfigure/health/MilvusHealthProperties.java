package dev.milvusboot.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the Milvus health indicator ({@code management.health.milvus.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.milvus")
public class MilvusHealthProperties {

	/**
	 * Time a Milvus health check may take before the server is reported down.
	 */
	private Duration timeout = Duration.ofSeconds(2);

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

}
