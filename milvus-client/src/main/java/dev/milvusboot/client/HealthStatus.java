package dev.milvusboot.client;

import java.util.List;

/**
 * What a Milvus server says of its own health.
 *
 * @param healthy whether the server is healthy
 * @param reasons why it is not, as the server put it (empty when healthy)
 */
public record HealthStatus(boolean healthy, List<String> reasons) {

	public HealthStatus {
		reasons = List.copyOf(reasons);
	}

}
