package dev.milvusboot.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.document.DocumentMetadata;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Documents to rows and hits to documents, in the field names of one store.
 */
final class DocumentRows {

	private final MilvusVectorStoreOptions options;

	DocumentRows(MilvusVectorStoreOptions options) {
		this.options = options;
	}

	/** The embedding a document brings with it under {@link MilvusClientVectorStore#EMBEDDING_METADATA_KEY}. */
	static float[] ownEmbedding(Document document) {
		Object value = document.getMetadata().get(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
		if (value == null) {
			return null;
		}
		if (value instanceof float[] floats) {
			return floats;
		}
		if (value instanceof List<?> list) {
			float[] floats = new float[list.size()];
			for (int i = 0; i < floats.length; i++) {
				if (!(list.get(i) instanceof Number number)) {
					throw invalidEmbedding(document);
				}
				floats[i] = number.floatValue();
			}
			return floats;
		}
		throw invalidEmbedding(document);
	}

	private static MilvusInvalidArgumentException invalidEmbedding(Document document) {
		return new MilvusInvalidArgumentException("The metadata '" + MilvusClientVectorStore.EMBEDDING_METADATA_KEY
				+ "' of document '" + document.getId() + "' must be a float[] or a list of numbers");
	}

	/** The row of a document and its embedding. */
	Map<String, Object> row(Document document, float[] embedding) {
		if (document.getText() == null) {
			throw new MilvusInvalidArgumentException("Document '" + document.getId()
					+ "' has no text: this store keeps text documents only");
		}
		Map<String, Object> metadata = document.getMetadata();
		if (metadata.containsKey(MilvusClientVectorStore.EMBEDDING_METADATA_KEY)) {
			metadata = new LinkedHashMap<>(metadata);
			metadata.remove(MilvusClientVectorStore.EMBEDDING_METADATA_KEY);
		}
		Map<String, Object> row = new LinkedHashMap<>(8);
		if (!this.options.autoId()) {
			row.put(this.options.idFieldName(), document.getId());
		}
		row.put(this.options.contentFieldName(), document.getText());
		row.put(this.options.metadataFieldName(), MetadataCodec.encode(metadata));
		row.put(this.options.embeddingFieldName(), embedding);
		return row;
	}

	/** The fields a search returns. */
	List<String> outputFields() {
		return List.of(this.options.contentFieldName(), this.options.metadataFieldName());
	}

	/** The document of a hit, with its relevance as score and {@code distance} = 1 - score in its metadata. */
	Document document(Hit hit) {
		return document(hit, Relevance.of(this.options.metricType(), hit.score()));
	}

	/**
	 * The document of a hybrid search hit, with the ranker's fused score as it is (RRF: the sum of
	 * {@code 1 / (k + rank)}; weighted: the sum of the weighted normalised scores) and {@code distance} = 1 - score.
	 */
	Document fusedDocument(Hit hit) {
		return document(hit, hit.score());
	}

	private Document document(Hit hit, double score) {
		Map<String, Object> metadata = MetadataCodec.decode(hit.get(this.options.metadataFieldName()));
		metadata.put(DocumentMetadata.DISTANCE.value(), 1.0 - score);
		Object content = hit.get(this.options.contentFieldName());
		return Document.builder()
			.id(String.valueOf(hit.id()))
			.text((content == null) ? "" : content.toString())
			.metadata(metadata)
			.score(score)
			.build();
	}

	/** The primary keys of document ids: strings, or numbers for an auto-id collection. */
	List<Object> keys(List<String> ids) {
		List<Object> keys = new ArrayList<>(ids.size());
		for (String id : ids) {
			if (!this.options.autoId()) {
				keys.add(id);
				continue;
			}
			try {
				keys.add(Long.parseLong(id));
			}
			catch (NumberFormatException ex) {
				throw new MilvusInvalidArgumentException(
						"The id '" + id + "' is not a number, but the collection's ids are generated int64 numbers");
			}
		}
		return keys;
	}

}
