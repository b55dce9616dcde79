package dev.milvusboot.client.filter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.milvusboot.client.internal.FilterTemplateSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which server versions get filter templates: the versions in the table are those the servers report (Milvus 2.3,
 * Milvus Lite 3.2, Milvus Lite 2.5's "unknown") and releases from 2.5 on, which read templates.
 */
class FilterTemplateSupportTest {

	@ParameterizedTest
	@CsvSource({ "v2.3.21, false", "v2.4.15, false", "v2.5.0, true", "v2.5.14, true", "v2.6.3, true",
			"2.6.0-beta, true", "v3.0.0, true", "milvus_lite-3.2.2, false", "unknown, false", "'', false",
			"master-20250101, false" })
	void templatesGoOnlyToMilvusFrom25(String version, boolean expected) {
		assertThat(FilterTemplateSupport.readsTemplates(version)).as(version).isEqualTo(expected);
	}

}
