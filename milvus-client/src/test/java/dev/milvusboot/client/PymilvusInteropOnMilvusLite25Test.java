package dev.milvusboot.client;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

/**
 * {@link PymilvusInteropTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary): pymilvus comes from
 * the shared Milvus Lite 3's Python environment, as the native engine runs without Python.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class PymilvusInteropOnMilvusLite25Test extends PymilvusInteropTest {

	@RegisterExtension
	static final BeforeAllCallback PYMILVUS = pymilvusOfMilvusLite3();

}
