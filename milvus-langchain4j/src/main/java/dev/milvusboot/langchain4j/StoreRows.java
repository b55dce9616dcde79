package dev.milvusboot.langchain4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Relevance;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * The rows the store writes and the matches it reads back. An embedding stored without a segment has an empty
 * text (a segment's text is never blank) and empty metadata.
 */
final class StoreRows {

	private StoreRows() {
	}

	static Map<String, Object> row(StoreSettings settings, StoreCollection collection, String id, Embedding embedding,
			TextSegment segment) {
		if (id == null || id.isBlank()) {
			throw new MilvusInvalidArgumentException("An id must not be null or blank");
		}
		if (embedding == null) {
			throw new MilvusInvalidArgumentException("The embedding of id '" + id + "' must not be null");
		}
		MetadataCodec.Encoded metadata = MetadataCodec.encode((segment == null) ? null : segment.metadata());
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(settings.idFieldName(), id);
		row.put(settings.textFieldName(), (segment == null) ? "" : segment.text());
		row.put(settings.metadataFieldName(), metadata.values());
		if (collection.keepsTypes()) {
			row.put(settings.metadataTypesFieldName(), metadata.types());
		}
		row.put(settings.vectorFieldName(), embedding.vector());
		return row;
	}

	static List<String> outputFields(StoreSettings settings, StoreCollection collection) {
		List<String> fields = new ArrayList<>(List.of(settings.textFieldName(), settings.metadataFieldName()));
		if (collection.keepsTypes()) {
			fields.add(settings.metadataTypesFieldName());
		}
		if (settings.retrieveEmbeddingsOnSearch()) {
			fields.add(settings.vectorFieldName());
		}
		return fields;
	}

	static EmbeddingMatch<TextSegment> match(StoreSettings settings, StoreCollection collection, Hit hit) {
		Object text = hit.get(settings.textFieldName());
		TextSegment segment = null;
		if (text instanceof String string && !string.isEmpty()) {
			Object types = collection.keepsTypes() ? hit.get(settings.metadataTypesFieldName()) : null;
			segment = TextSegment.from(string, MetadataCodec.decode(hit.get(settings.metadataFieldName()), types));
		}
		Object vector = settings.retrieveEmbeddingsOnSearch() ? hit.get(settings.vectorFieldName()) : null;
		Embedding embedding = (vector instanceof float[] floats) ? Embedding.from(floats) : null;
		return new EmbeddingMatch<>(Relevance.of(collection.metric(), hit.score()), String.valueOf(hit.id()),
				embedding, segment);
	}

}
