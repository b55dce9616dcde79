package dev.milvusboot.client.schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A collection as the server describes it.
 *
 * @param name the collection name
 * @param database the database it is in, or an empty string when the server does not say
 * @param collectionId the server's id of the collection ({@code 0} on Milvus Lite)
 * @param schema the schema
 * @param aliases the aliases that point to it (Milvus Lite reports none here; see
 * {@code MilvusClient.listAliases})
 * @param consistencyLevel its default consistency level, or {@code null} for a customized one (Milvus Lite keeps
 * none and reports {@code STRONG})
 * @param shards the number of shards
 * @param createdAt when it was created, or {@code null} when the server does not say
 * @param properties its properties, such as {@code collection.ttl.seconds}
 * @param numPartitions the number of partitions of a partition-key collection as the server reports it
 * ({@code 0} when it reports none)
 */
public record CollectionDescription(String name, String database, long collectionId, CollectionSchema schema,
		List<String> aliases, ConsistencyLevel consistencyLevel, int shards, Instant createdAt,
		Map<String, String> properties, long numPartitions) {

	public CollectionDescription {
		aliases = List.copyOf(aliases);
		properties = Map.copyOf(properties);
	}

}
