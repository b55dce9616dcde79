package dev.milvusboot.sample.documents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ScoredEntity;
import dev.milvusboot.sample.embedding.Embedder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.stereotype.Service;

/**
 * Stores texts with their embeddings in Milvus and finds them by similarity. Uses the typed mapping of
 * {@link Document} for writes, reads and text search, and the {@link Search} builder for raw vector search.
 */
@Service
public final class DocumentStore implements InitializingBean {

	/** The most hits a search returns. */
	public static final int MAX_TOP_K = 100;

	private static final Log logger = LogFactory.getLog(DocumentStore.class);

	private final MilvusTemplate template;

	private final Embedder embedder;

	DocumentStore(MilvusTemplate template, Embedder embedder) {
		this.template = template;
		this.embedder = embedder;
	}

	/** Creates the collection (with its index, loaded) unless it exists. */
	@Override
	public void afterPropertiesSet() {
		if (this.template.hasCollection(Document.class)) {
			logger.info("Document store uses the existing collection 'documents' ("
					+ this.template.count(Document.class) + " documents)");
			return;
		}
		this.template.createCollection(Document.class);
		logger.info("Document store created the collection 'documents' (dimension " + this.embedder.dimension()
				+ ", cosine similarity)");
	}

	/**
	 * Stores a text.
	 * @param text the text
	 * @param metadata its attributes
	 * @return the id Milvus assigned
	 */
	public long add(String text, Map<String, Object> metadata) {
		Document document = new Document(null, text, metadata, embed(text));
		return (Long) this.template.insert(List.of(document)).ids().get(0);
	}

	/** The document with this id, if any. */
	public Optional<Document> find(long id) {
		return this.template.findByIds(Document.class, List.of(id)).stream().findFirst();
	}

	/**
	 * Deletes a document.
	 * @param id its id
	 * @return whether it existed
	 */
	public boolean delete(long id) {
		if (find(id).isEmpty()) {
			return false;
		}
		this.template.delete(Document.class, List.of(id));
		return true;
	}

	/**
	 * The documents most similar to a text, most similar first.
	 * @param text the query text
	 * @param topK how many
	 * @param filter a Milvus boolean expression on the fields, or {@code null}
	 * @return the hits
	 */
	public List<SearchHit> search(String text, int topK, @Nullable String filter) {
		float[] vector = embed(text);
		List<ScoredEntity<Document>> found = this.template.search(Document.class, vector, topK, filter);
		return found.stream().map((hit) -> SearchHit.of(hit.entity(), hit.score())).toList();
	}

	/**
	 * The documents nearest to a raw vector, through the lower-level {@link Search} API.
	 * @param vector the query vector
	 * @param topK how many
	 * @param filter a Milvus boolean expression on the fields, or {@code null}
	 * @return the hits, most similar first
	 */
	public List<SearchHit> search(float[] vector, int topK, @Nullable String filter) {
		Search search = Search.in("documents")
			.vector(vector)
			.topK(topK)
			.filter(filter)
			.outputFields("text", "metadata")
			.build();
		List<SearchHit> hits = new ArrayList<>();
		for (Hit hit : this.template.search(search).first()) {
			hits.add(new SearchHit(hit.longId(), hit.score(), String.valueOf(hit.get("text")),
					json(hit.get("metadata"))));
		}
		return hits;
	}

	/** The dimension of the vectors this store holds. */
	public int dimension() {
		return this.embedder.dimension();
	}

	private float[] embed(String text) {
		float[] vector = this.embedder.embed(text);
		for (float value : vector) {
			if (value != 0) {
				return vector;
			}
		}
		throw new InvalidRequestException("'text' must contain at least one word");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		if (value instanceof String text && !text.isBlank()) {
			return JsonParserFactory.getJsonParser().parseMap(text);
		}
		return new LinkedHashMap<>();
	}

	/**
	 * A search hit.
	 *
	 * @param id the document id
	 * @param score the cosine similarity to the query (1 is identical)
	 * @param text the text
	 * @param metadata its attributes
	 */
	public record SearchHit(long id, float score, String text, Map<String, Object> metadata) {

		static SearchHit of(Document document, float score) {
			return new SearchHit((document.id() != null) ? document.id() : -1, score, document.text(),
					document.metadata());
		}

	}

}
