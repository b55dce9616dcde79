package dev.milvusboot.springai;

import java.util.Set;

import org.junit.jupiter.api.BeforeAll;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/** Spring AI's filter language through the store against Milvus Lite 2.5 (the C++ engine). */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class FilterOnMilvusLite25Test extends FilterContract {

	@BeforeAll
	static void connect(MilvusLite lite, TestNames testNames) {
		prepare(lite.uri(), testNames);
		// Milvus Lite 2.5 refuses "not" ("unsupported expr proto node", segcore error) and "exists" ("Invalid expr").
		serverLacks = Set.of("NIN", "NOT", "NOT group", "ISNULL", "ISNOTNULL");
	}

}
