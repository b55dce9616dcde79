package dev.milvusboot.client.database;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusStandalone;
import dev.milvusboot.local.junit.MilvusStandaloneTest;
import dev.milvusboot.local.junit.TestNames;

/** The database in the {@code dbname} header, on Milvus 2.3 (its proxy fills an empty {@code db_name} from it). */
@MilvusStandaloneTest
class DatabasePlacementOnMilvusStandaloneTest extends DatabasePlacementContract {

	@BeforeAll
	static void connect(MilvusStandalone milvus, TestNames testNames) {
		connect(milvus.uri(), testNames);
	}

}
