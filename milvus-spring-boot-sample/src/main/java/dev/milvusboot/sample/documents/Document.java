package dev.milvusboot.sample.documents;

import java.util.Map;

import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusField;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import dev.milvusboot.sample.embedding.HashingEmbedder;
import org.jspecify.annotations.Nullable;

/**
 * A document as stored in the {@code documents} collection, through the typed mapping: Milvus assigns the id, the
 * text is a VARCHAR, the metadata a JSON field, and the embedding a float vector compared by cosine similarity.
 * The metadata's {@code category} is also kept in a VARCHAR field of its own, and the creation time in an INT64
 * field, so that {@link DocumentRepository} methods can filter on them (derived queries filter on fields, not on
 * JSON keys).
 *
 * @param id the id, {@code null} until Milvus assigns one
 * @param text the text
 * @param category the metadata's {@code category}, empty when it has none
 * @param created when the document was stored, in milliseconds since 1970-01-01T00:00:00Z
 * @param metadata free-form attributes
 * @param embedding the text's vector
 */
@MilvusCollection("documents")
public record Document(@MilvusId(autoId = true) @Nullable Long id,
		@MilvusField(maxLength = Document.MAX_TEXT_BYTES) String text,
		@MilvusField(maxLength = Document.MAX_CATEGORY_BYTES) String category, long created,
		Map<String, Object> metadata,
		@MilvusVector(dimension = HashingEmbedder.DIMENSION, metric = MetricType.COSINE) float[] embedding) {

	/** The most characters a text may have. */
	public static final int MAX_TEXT_LENGTH = 4096;

	/** The most characters a category may have. */
	public static final int MAX_CATEGORY_LENGTH = 256;

	/** The metadata key whose value is the category. */
	public static final String CATEGORY = "category";

	/** The VARCHAR capacity in bytes: room for {@link #MAX_TEXT_LENGTH} characters in UTF-8. */
	static final int MAX_TEXT_BYTES = 4 * MAX_TEXT_LENGTH;

	/** The VARCHAR capacity in bytes: room for {@link #MAX_CATEGORY_LENGTH} characters in UTF-8. */
	static final int MAX_CATEGORY_BYTES = 4 * MAX_CATEGORY_LENGTH;

}
