package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Schema evolution on Milvus 2.3 standalone: it sets collection properties but cannot drop them ("only support
 * alter collection properties, but collection properties is empty"), has databases but cannot describe them or set
 * their properties, and adds no fields and alters no field or index properties: those tests are skipped, quoting
 * its answer.
 */
@MilvusStandaloneTest
class SchemaEvolutionOnMilvusStandaloneTest extends SchemaEvolutionContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		connect(milvus.uri(), testNames, "Milvus 2.3", DROPPING_COLLECTION_PROPERTIES, DATABASE_DESCRIPTIONS,
				DATABASE_PROPERTIES, ADDING_FIELDS, FIELD_PROPERTIES, INDEX_PROPERTIES);
	}

}
