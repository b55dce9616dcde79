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
 * text is a VARCHAR, the metadata a JSON field (filter on it with {@code metadata["category"] == "pets"}), and the
 * embedding a float vector compared by cosine similarity.
 *
 * @param id the id, {@code null} until Milvus assigns one
 * @param text the text
 * @param metadata free-form attributes
 * @param embedding the text's vector
 */
@MilvusCollection("documents")
public record Document(@MilvusId(autoId = true) @Nullable Long id,
		@MilvusField(maxLength = Document.MAX_TEXT_BYTES) String text, Map<String, Object> metadata,
		@MilvusVector(dimension = HashingEmbedder.DIMENSION, metric = MetricType.COSINE) float[] embedding) {

	/** The most characters a text may have. */
	public static final int MAX_TEXT_LENGTH = 4096;

	/** The VARCHAR capacity in bytes: room for {@link #MAX_TEXT_LENGTH} characters in UTF-8. */
	static final int MAX_TEXT_BYTES = 4 * MAX_TEXT_LENGTH;

}
