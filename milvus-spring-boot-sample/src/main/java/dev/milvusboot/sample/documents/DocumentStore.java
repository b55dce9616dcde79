package dev.milvusboot.sample.documents;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.milvusboot.sample.embedding.Embedder;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SearchResult;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;
import org.springframework.stereotype.Service;

/**
 * Stores texts with their embeddings in Milvus and finds them by similarity, through {@link DocumentRepository}:
 * CRUD, listings and vector searches filtered by a {@link DocumentFilter}, whose values the repository binds as
 * filter parameters.
 */
@Service
public final class DocumentStore {

	/** The most hits a search returns, and the most documents a page lists. */
	public static final int MAX_TOP_K = 100;

	private final DocumentRepository repository;

	private final Embedder embedder;

	DocumentStore(DocumentRepository repository, Embedder embedder) {
		this.repository = repository;
		this.embedder = embedder;
	}

	/**
	 * Stores a text.
	 * @param text the text
	 * @param metadata its attributes; a {@code category} must be a string
	 * @return the id Milvus assigned
	 */
	public long add(String text, Map<String, Object> metadata) {
		Document document = new Document(null, text, category(metadata), System.currentTimeMillis(), metadata,
				embed(text));
		return this.repository.save(document).id();
	}

	/** The document with this id, if any. */
	public Optional<Document> find(long id) {
		return this.repository.findById(id);
	}

	/**
	 * Deletes a document.
	 * @param id its id
	 * @return whether it existed
	 */
	public boolean delete(long id) {
		if (!this.repository.existsById(id)) {
			return false;
		}
		this.repository.deleteById(id);
		return true;
	}

	/**
	 * A page of the documents the filter keeps, in id order.
	 * @param filter the filter
	 * @param pageable the page
	 * @return the page, with the number of documents the filter keeps
	 */
	public Page<Document> list(DocumentFilter filter, Pageable pageable) {
		long after = filter.createdAfterMillis();
		long before = filter.createdBeforeMillis();
		String category = filter.category();
		String prefix = filter.textPrefix();
		if (category != null && prefix != null) {
			return this.repository.findByCategoryAndTextStartingWithAndCreatedAfterAndCreatedBefore(category, prefix,
					after, before, pageable);
		}
		if (category != null) {
			return this.repository.findByCategoryAndCreatedAfterAndCreatedBefore(category, after, before, pageable);
		}
		if (prefix != null) {
			return this.repository.findByTextStartingWithAndCreatedAfterAndCreatedBefore(prefix, after, before,
					pageable);
		}
		return this.repository.findByCreatedAfterAndCreatedBefore(after, before, pageable);
	}

	/**
	 * The documents most similar to a text, most similar first.
	 * @param text the query text
	 * @param topK how many
	 * @param filter which documents to search
	 * @return the hits
	 */
	public List<SearchHit> search(String text, int topK, DocumentFilter filter) {
		return search(embed(text), topK, filter);
	}

	/**
	 * The documents nearest to a raw vector, most similar first.
	 * @param vector the query vector
	 * @param topK how many
	 * @param filter which documents to search
	 * @return the hits
	 */
	public List<SearchHit> search(float[] vector, int topK, DocumentFilter filter) {
		Vector query = Vector.of(vector);
		Limit limit = Limit.of(topK);
		long after = filter.createdAfterMillis();
		long before = filter.createdBeforeMillis();
		String category = filter.category();
		String prefix = filter.textPrefix();
		SearchResults<Document> results;
		if (category != null && prefix != null) {
			results = this.repository.searchByCategoryAndTextStartingWithAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(
					category, prefix, after, before, query, limit);
		}
		else if (category != null) {
			results = this.repository.searchByCategoryAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(category, after,
					before, query, limit);
		}
		else if (prefix != null) {
			results = this.repository.searchByTextStartingWithAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(prefix,
					after, before, query, limit);
		}
		else {
			results = this.repository.searchByCreatedAfterAndCreatedBeforeAndEmbeddingNear(after, before, query, limit);
		}
		return results.stream().map(SearchHit::of).toList();
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

	private static String category(Map<String, Object> metadata) {
		Object category = metadata.get(Document.CATEGORY);
		if (category == null) {
			return "";
		}
		if (!(category instanceof String text)) {
			throw new InvalidRequestException("'metadata.category' must be a string (the 'category' filter matches"
					+ " it), but was " + category);
		}
		if (text.length() > Document.MAX_CATEGORY_LENGTH) {
			throw new InvalidRequestException("'metadata.category' must have at most " + Document.MAX_CATEGORY_LENGTH
					+ " characters, but has " + text.length());
		}
		return text;
	}

	/**
	 * A search hit.
	 *
	 * @param id the document id
	 * @param score the cosine similarity to the query (1 is identical)
	 * @param text the text
	 * @param metadata its attributes
	 * @param created when the document was stored
	 */
	public record SearchHit(long id, float score, String text, Map<String, Object> metadata, Instant created) {

		/**
		 * The hit of a repository search, whose similarity is the relevance {@code (1 + cosine) / 2} of every
		 * Spring Data search method: turned back into the cosine similarity the API has always answered.
		 */
		static SearchHit of(SearchResult<Document> result) {
			Document document = result.getContent();
			float cosine = (float) (2 * result.getScore().getValue() - 1);
			return new SearchHit(id(document.id()), cosine, document.text(), document.metadata(),
					Instant.ofEpochMilli(document.created()));
		}

		private static long id(@Nullable Long id) {
			return (id != null) ? id : -1;
		}

	}

}
