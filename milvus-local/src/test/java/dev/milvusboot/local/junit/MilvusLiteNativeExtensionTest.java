package dev.milvusboot.local.junit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.MilvusProbe;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @MilvusLiteTest(engine = NATIVE)} injects one shared Milvus Lite 2.5 server. */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class MilvusLiteNativeExtensionTest {

	private static MilvusLite fromBeforeAll;

	@BeforeAll
	static void remember(MilvusLite lite) {
		fromBeforeAll = lite;
	}

	@Test
	void injectsTheSharedNativeServer(MilvusLite lite) {
		assertThat(lite).isSameAs(fromBeforeAll);
		assertThat(lite.engine()).isEqualTo(MilvusLite.Engine.NATIVE);
		assertThat(lite.isRunning()).isTrue();
		assertThat(lite.serverVersion()).isEqualTo("2.5.1");
		try (MilvusProbe probe = MilvusProbe.connect(lite.host(), lite.port())) {
			assertThat(probe.connect()).isNotNull();
		}
	}

}
