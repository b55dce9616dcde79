package dev.milvusboot.sample.documents;

import dev.milvusboot.repository.MilvusRepository;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.SearchResults;
import org.springframework.data.domain.Vector;

/**
 * The documents as a Spring Data repository, created by the starter's auto-configuration (no
 * {@code @EnableMilvusRepositories} needed): CRUD from {@link MilvusRepository}, and listings and vector searches
 * whose filters Milvus derives from the method names, every value bound as a filter parameter.
 * <p>
 * A derived method has no optional criteria, so each combination of the optional {@link DocumentFilter} fields
 * that changes the filter's shape has its method: with or without a category, with or without a text prefix. The
 * creation time is always a range, whose missing bounds are the widest ones. {@link DocumentStore} chooses the
 * method.
 */
public interface DocumentRepository extends MilvusRepository<Document, Long> {

	/** Documents created in the range, in key order. */
	Page<Document> findByCreatedAfterAndCreatedBefore(long after, long before, Pageable pageable);

	/** Documents of a category created in the range, in key order. */
	Page<Document> findByCategoryAndCreatedAfterAndCreatedBefore(String category, long after, long before,
			Pageable pageable);

	/** Documents whose text starts with a prefix, created in the range, in key order. */
	Page<Document> findByTextStartingWithAndCreatedAfterAndCreatedBefore(String prefix, long after, long before,
			Pageable pageable);

	/** Documents of a category whose text starts with a prefix, created in the range, in key order. */
	Page<Document> findByCategoryAndTextStartingWithAndCreatedAfterAndCreatedBefore(String category, String prefix,
			long after, long before, Pageable pageable);

	/** The documents created in the range nearest to a vector, best first. */
	SearchResults<Document> searchByCreatedAfterAndCreatedBeforeAndEmbeddingNear(long after, long before,
			Vector vector, Limit limit);

	/** The documents of a category created in the range nearest to a vector, best first. */
	SearchResults<Document> searchByCategoryAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(String category,
			long after, long before, Vector vector, Limit limit);

	/** The documents whose text starts with a prefix, created in the range, nearest to a vector, best first. */
	SearchResults<Document> searchByTextStartingWithAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(String prefix,
			long after, long before, Vector vector, Limit limit);

	/** The documents of a category whose text starts with a prefix, created in the range, nearest to a vector. */
	SearchResults<Document> searchByCategoryAndTextStartingWithAndCreatedAfterAndCreatedBeforeAndEmbeddingNear(
			String category, String prefix, long after, long before, Vector vector, Limit limit);

}
