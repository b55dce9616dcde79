package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link CollectionAdministrationTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary). It has no
 * renaming and no aliases (skipped with its answer), keeps no collection properties, and, like Milvus, accepts an
 * identical schema again: those tests say what it does instead.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class CollectionAdministrationOnMilvusLite25Test extends CollectionAdministrationTest {

	@Test
	@Override
	void renamesACollection() {
		String name = names.collection("old");
		client.createCollection(CollectionSchema.quick(name, DIM));
		ServerLacks.skip(ServerLacks.LITE_25, "collection renaming",
				() -> client.renameCollection(name, names.collection("new")));
	}

	@Test
	@Override
	void describesTheTargetOfAnAlias() {
		String name = names.collection("aliased");
		client.createCollection(CollectionSchema.quick(name, DIM));
		ServerLacks.skip(ServerLacks.LITE_25, "aliases", () -> client.createAlias(name, names.collection("alias_of")));
	}

	@Test
	@Override
	void creatingFromASchemaGivesTheSchemaOptionsAndNoIndex() {
		String name = names.collection("schema");
		CollectionSchema schema = createBooksWithTimeToLive(name);

		CollectionDescription description = client.describeCollection(name);
		assertThat(description.schema()).isEqualTo(schema);
		assertThat(client.listIndexes(name)).isEmpty();
		// Milvus Lite 2.5 keeps no properties and tells no shard count.
		assertThat(description.properties()).isEmpty();
		assertThat(description.shards()).isZero();
	}

	@Test
	@Override
	void creatingAnExistingCollectionIsReportedAsAlreadyExisting() {
		String name = names.collection("twice");
		client.createCollection(CollectionSchema.quick(name, DIM));

		// Like Milvus, Milvus Lite 2.5 accepts the same schema again and refuses another one.
		client.createCollection(CollectionSchema.quick(name, DIM));
		client.createCollection(name, DIM, MetricType.L2);
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createCollection(CollectionSchema.quick(name, DIM * 2)))
			.withMessageContaining("'" + name + "'")
			.withMessageContaining("duplicate collection with different parameters");
		assertThat(client.describeCollection(name).schema().vectorField().dimension()).isEqualTo(DIM);
	}

}
