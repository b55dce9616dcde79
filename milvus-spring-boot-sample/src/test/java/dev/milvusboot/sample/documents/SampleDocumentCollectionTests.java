package dev.milvusboot.sample.documents;

import java.util.Map;

import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import dev.milvusboot.sample.AbstractSampleHttpTests;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The start-up check of the {@code documents} collection, on the sample's real Milvus Lite: a collection with the
 * fields of an earlier {@link Document} (before the filter fields) is refused with a message naming what it lacks
 * and how to start afresh; one with the entity's fields is used as it is.
 */
class SampleDocumentCollectionTests extends AbstractSampleHttpTests {

	private static final String COLLECTION = "documents_before_filters";

	@Autowired
	private MilvusTemplate template;

	@BeforeEach
	@AfterEach
	void dropTheCollection() {
		if (this.template.hasCollection(COLLECTION)) {
			this.template.dropCollection(COLLECTION);
		}
	}

	@Test
	void aCollectionOfAnEarlierDocumentStopsTheStartNamingTheFieldsItLacks() {
		DocumentCollection collection = new DocumentCollection(this.template);
		collection.ensure(EarlierDocument.class);
		assertThatIllegalStateException().isThrownBy(() -> collection.ensure(TodaysDocument.class))
			.withMessageStartingWith("The existing collection '" + COLLECTION + "' does not have the fields of "
					+ "TodaysDocument: no field 'category' (VARCHAR); no field 'created' (INT64).")
			.withMessageContaining("delete the Milvus Lite data directory, milvus.lite.data-directory");
	}

	@Test
	void aCollectionWithTheEntitysFieldsIsUsedAsItIs() {
		DocumentCollection collection = new DocumentCollection(this.template);
		collection.ensure(TodaysDocument.class);
		assertThatNoException().isThrownBy(() -> collection.ensure(TodaysDocument.class));
		assertThatNoException().isThrownBy(() -> collection.ensure(Document.class));
	}

	/** The {@link Document} of the sample before the filter fields. */
	@MilvusCollection(COLLECTION)
	record EarlierDocument(@MilvusId(autoId = true) @Nullable Long id,
			@MilvusField(maxLength = Document.MAX_TEXT_BYTES) String text, Map<String, Object> metadata,
			@MilvusVector(dimension = 256, metric = MetricType.COSINE) float[] embedding) {

	}

	/** The fields of today's {@link Document}, in the collection of {@link EarlierDocument}. */
	@MilvusCollection(COLLECTION)
	record TodaysDocument(@MilvusId(autoId = true) @Nullable Long id,
			@MilvusField(maxLength = Document.MAX_TEXT_BYTES) String text,
			@MilvusField(maxLength = Document.MAX_CATEGORY_BYTES) String category, long created,
			Map<String, Object> metadata,
			@MilvusVector(dimension = 256, metric = MetricType.COSINE) float[] embedding) {

	}

}
