package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Schema evolution on Milvus Lite 2.5 (Milvus's own C++ engine): it creates, indexes and loads in one call and
 * takes the quick set-up, but has no collection properties ({@code AlterCollection}), no databases, no added
 * fields and no field or index properties: those tests are skipped, quoting its answer.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class SchemaEvolutionOnMilvusLite25Test extends SchemaEvolutionContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, ServerLacks.LITE_25, COLLECTION_PROPERTIES, DATABASES, ADDING_FIELDS,
				FIELD_PROPERTIES, INDEX_PROPERTIES);
	}

}
