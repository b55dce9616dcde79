package dev.milvusboot.springai;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reported server versions are too old for hybrid search. */
class HybridSupportTest {

	@ParameterizedTest
	@CsvSource({ "v2.3.5-lite, true", "v2.3.5, true", "2.4.15, true", "v1.1.0, true", "v2.5.0, false",
			"v2.6.3, false", "v3.0.0, false", "milvus_lite-3.2.2, false", "unknown, false", "'', false" })
	void versionsBefore25AreTooOld(String version, boolean tooOld) {
		assertThat(HybridSupport.olderThan25(version)).isEqualTo(tooOld);
	}

}
