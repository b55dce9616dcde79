package dev.milvusboot.client;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema features Milvus 2.3 standalone has (it has no BM25, so {@code SchemaFunctionsTest} does not run on
 * it): a partition key with its number of partitions; what it keeps of clustering keys, nullable fields and default
 * values, as our client describes them.
 */
class SchemaFeaturesOnMilvusStandaloneTest extends StandaloneTestSupport {

	private static CollectionSchema.Builder base(String name) {
		return CollectionSchema.builder(name)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("dense", 4));
	}

	@Test
	void aPartitionKeyGetsTheNumberOfPartitionsAsked() {
		String name = names.collection("partition_key");
		client.createCollection(base(name)
			.field(FieldSchema.builder("tenant", DataType.VARCHAR).maxLength(32).partitionKey(true).build())
			.build(), CreateCollectionOptions.builder().numPartitions(8).build());

		CollectionDescription description = client.describeCollection(name);
		assertThat(description.schema().field("tenant").isPartitionKey()).isTrue();
		assertThat(description.numPartitions()).isEqualTo(8);
		assertThat(client.listPartitions(name)).hasSize(8);
	}

	@Test
	void keepsNeitherClusteringKeysNorNullableFlags() {
		String name = names.collection("keys_dropped");
		client.createCollection(base(name)
			.field(FieldSchema.builder("year", DataType.INT64).clusteringKey(true).build())
			.field(FieldSchema.builder("note", DataType.VARCHAR).maxLength(32).nullable(true).build())
			.build());

		CollectionSchema described = client.describeCollection(name).schema();
		assertThat(described.field("year").isClusteringKey()).isFalse();
		assertThat(described.field("note").isNullable()).isFalse();
	}

	@Test
	void keepsDefaultValuesButRefusesARowThatLeavesSuchAFieldOut() {
		String name = names.collection("defaults");
		CollectionSchema schema = base(name)
			.field(FieldSchema.builder("year", DataType.INT64).defaultValue(2000L).build())
			.build();
		client.createCollection(schema, List.of(IndexParams.builder(name, "dense").indexType(IndexType.FLAT)
			.metric(MetricType.L2).build()), CreateCollectionOptions.DEFAULTS);
		assertThat(client.describeCollection(name).schema()).isEqualTo(schema);

		assertThatExceptionOfType(MilvusException.class)
			.isThrownBy(() -> client.insert(name, List.of(Map.of("id", 1L, "dense", new float[4]),
					Map.of("id", 2L, "dense", new float[4], "year", 1990L))))
			.withMessageContaining("the num_rows (1) of field (year) is not equal to passed num_rows (2)");
		client.insert(name, List.of(Map.of("id", 3L, "dense", new float[4], "year", 1991L)));
		List<Row> rows = client.get(name, List.of(3L), "year");
		assertThat(rows).extracting((row) -> row.getLong("year")).containsExactly(1991L);
	}

}
