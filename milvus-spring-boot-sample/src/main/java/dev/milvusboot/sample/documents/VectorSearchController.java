package dev.milvusboot.sample.documents;

import java.util.List;

import dev.milvusboot.sample.documents.DocumentStore.SearchHit;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /vectors/search}: searches the documents with a raw query vector, as a client with its own embedding
 * model would. The vector's size is left for Milvus to check, so a wrong one shows Milvus' error (as a 400).
 */
@RestController
final class VectorSearchController {

	private final DocumentStore store;

	VectorSearchController(DocumentStore store) {
		this.store = store;
	}

	@PostMapping("/vectors/search")
	public List<SearchHit> search(@RequestBody VectorQuery query) {
		float[] vector = query.vector();
		if (vector == null || vector.length == 0) {
			throw new InvalidRequestException("'vector' is required: an array of " + this.store.dimension()
					+ " numbers");
		}
		int k = (query.k() != null) ? query.k() : 5;
		DocumentFilter filter = new FilterFields(query.category(), query.textPrefix(), query.createdAfter(),
				query.createdBefore(), query.filter())
			.toFilter();
		return this.store.search(vector, DocumentController.checkTopK(k), filter);
	}

	/**
	 * A vector search, with the filter fields of {@link FilterFields}.
	 *
	 * @param vector the query vector
	 * @param k how many hits (default 5)
	 * @param category the exact category, or {@code null}
	 * @param textPrefix how the text starts, or {@code null}
	 * @param createdAfter an ISO-8601 instant or date, or {@code null}
	 * @param createdBefore an ISO-8601 instant or date, or {@code null}
	 * @param filter a raw Milvus expression: refused
	 */
	record VectorQuery(float @Nullable [] vector, @Nullable Integer k, @Nullable String category,
			@Nullable String textPrefix, @Nullable String createdAfter, @Nullable String createdBefore,
			@Nullable String filter) {

	}

}
