package dev.milvusboot.client.admin;

import java.time.Instant;
import java.util.Map;

/**
 * A database as the server describes it.
 *
 * @param name the database name
 * @param id the server's id of the database ({@code 0} when it tells none, as Milvus Lite)
 * @param createdAt when it was created, or {@code null} when the server does not say
 * @param properties its properties, such as {@code database.replica.number} or {@code database.max.collections}
 */
public record DatabaseDescription(String name, long id, Instant createdAt, Map<String, String> properties) {

	public DatabaseDescription {
		properties = Map.copyOf(properties);
	}

}
