package dev.milvusboot.client.search;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteExtension;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * {@link FullTextSearchTest} against Milvus Lite 2.5, which searches by text and runs hybrid searches but ignores
 * boost and decay rankers and group sizes: there the tests assert that our results are the server's plain ones.
 * pymilvus comes from the shared Milvus Lite 3's Python environment.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class FullTextSearchOnMilvusLite25Test extends FullTextSearchTest {

	@RegisterExtension
	static final BeforeAllCallback PYMILVUS = (context) -> python = MilvusLiteExtension
		.server(context, MilvusLite.Engine.PYTHON)
		.pythonExecutable();

	@Override
	boolean appliesFunctionRankers() {
		return false;
	}

	@Override
	boolean appliesGroupSize() {
		return false;
	}

	/** Found by this test: pymilvus gets the same reversed order (asserted too). */
	@Override
	boolean weightedRankerOrdersTextByScore() {
		return false;
	}

	/** Milvus Lite 2.5 fails inside its engine: code 2000, "segcore error", no more specific kind. */
	@Override
	Class<? extends MilvusException> searchByPrimaryKeysError() {
		return MilvusException.class;
	}

}
