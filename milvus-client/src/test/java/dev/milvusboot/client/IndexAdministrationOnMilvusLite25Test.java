package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link IndexAdministrationTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary). It builds only
 * FLAT, IVF_FLAT and AUTOINDEX (HNSW is skipped with its answer), takes a second index on a field and drops an
 * index of a loaded collection: those tests say what it does instead.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class IndexAdministrationOnMilvusLite25Test extends IndexAdministrationTest {

	@Test
	@Override
	void buildsAnIndexWithItsParametersAndDescribesIt() {
		String name = collectionWithRows("hnsw", 30);
		ServerLacks.skip(ServerLacks.LITE_25, "HNSW index", () -> client.createIndex(
				IndexParams.builder(name, "vector").indexType(IndexType.HNSW).metric(MetricType.L2).build()));
	}

	@Test
	@Override
	void aSecondIndexOnTheSameFieldIsRefused() {
		String name = collectionWithRows("second", 1);
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));

		// Milvus Lite 2.5 takes it; the field keeps one index.
		client.createIndex(IndexParams.of(name, "vector", IndexType.IVF_FLAT, MetricType.L2));
		assertThat(client.listIndexes(name)).containsExactly("vector");
	}

	@Test
	@Override
	void dropsAnIndexOnceTheCollectionIsReleased() {
		String name = collectionWithRows("dropped", 5);
		client.createIndex(IndexParams.of(name, "vector", IndexType.FLAT, MetricType.L2));
		client.loadCollection(name);

		// Milvus Lite 2.5 drops it without a release.
		client.dropIndex(name, "vector");
		assertThat(client.listIndexes(name)).isEmpty();
	}

}
