package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Schema evolution on Milvus Lite 3.2: it sets and drops collection and database properties and describes
 * databases, but adds no fields and alters no field or index properties (gRPC {@code UNIMPLEMENTED}).
 */
@MilvusLiteTest
class SchemaEvolutionOnMilvusLiteTest extends SchemaEvolutionContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		connect(lite.uri(), testNames, "Milvus Lite 3.2", ADDING_FIELDS, FIELD_PROPERTIES, INDEX_PROPERTIES);
	}

}
