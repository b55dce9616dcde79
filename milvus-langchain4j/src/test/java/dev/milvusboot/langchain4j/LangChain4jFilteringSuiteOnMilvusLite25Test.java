package dev.milvusboot.langchain4j;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * {@link FilteringSuite} against Milvus Lite 2.5 (the NATIVE engine).
 * <p>
 * Run only on request ({@code -Dmilvus.lite25.langchain4j-filtering=true}): Milvus Lite 2.5.1 refuses every search
 * whose filter holds a {@code not}, so the 32 cases of {@code should_filter_by_metadata_not} and
 * {@code should_filter_by_not_metadata_contains} fail with the server's "unsupported expr proto node: at
 * .../internal/core/src/query/PlanProto.cpp:543 : segcore error (code 2000)"; the other 75 pass (1 skipped by the
 * suite's own switch).
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
@EnabledIfSystemProperty(named = "milvus.lite25.langchain4j-filtering", matches = "true",
		disabledReason = "Milvus Lite 2.5.1 refuses 'not' in search filters: \"unsupported expr proto node ... "
				+ "segcore error (code 2000)\" (32 of 108 fail); run with -Dmilvus.lite25.langchain4j-filtering=true")
class LangChain4jFilteringSuiteOnMilvusLite25Test extends FilteringSuite {

	@BeforeAll
	void connect(MilvusLite lite, TestNames names) {
		open(lite.uri(), names);
	}

	@Override
	protected boolean supportsContains() {
		return true;
	}

}
