package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A search over several vector fields at once (Milvus 2.4+): each sub-search names its field, query vector,
 * top-k, parameters and filter; a {@link Ranker} merges their hits. Start with {@link #in(String)}.
 */
public final class HybridSearch extends ReadScope {

	private final List<Search> searches;

	private final Ranker ranker;

	private final int topK;

	private HybridSearch(Builder builder) {
		super(builder);
		this.searches = List.copyOf(builder.searches);
		this.ranker = builder.ranker;
		this.topK = builder.topK;
	}

	public static Builder in(String collection) {
		return new Builder(collection);
	}

	/** The sub-searches, one per vector field. */
	public List<Search> searches() {
		return this.searches;
	}

	public Ranker ranker() {
		return this.ranker;
	}

	public int topK() {
		return this.topK;
	}

	/** Builds a {@link HybridSearch}. */
	public static final class Builder extends ReadScope.Builder<Builder> {

		private final List<Search> searches = new ArrayList<>();

		private Ranker ranker = Ranker.rrf();

		private int topK = Search.DEFAULT_TOP_K;

		private Builder(String collection) {
			super(collection);
		}

		/**
		 * Adds a sub-search; build it with {@code Search.in(collection).annsField(field).vector(v).topK(k)}.
		 * @param search the sub-search (one query vector)
		 * @return this builder
		 */
		public Builder add(Search search) {
			this.searches.add(search);
			return this;
		}

		public Builder ranker(Ranker ranker) {
			this.ranker = ranker;
			return this;
		}

		/** How many merged hits to return. */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		public HybridSearch build() {
			checkNames();
			if (this.searches.isEmpty()) {
				throw new MilvusInvalidArgumentException(
						"Hybrid search in collection '" + this.collection + "' needs at least one sub-search");
			}
			for (Search search : this.searches) {
				if (!search.collection().equals(this.collection)) {
					throw new MilvusInvalidArgumentException("Hybrid search in collection '" + this.collection
							+ "' has a sub-search in collection '" + search.collection() + "'");
				}
			}
			if (this.topK < 1 || this.topK > Search.MAX_TOP_K) {
				throw new MilvusInvalidArgumentException("Hybrid search in collection '" + this.collection
						+ "': topK must be between 1 and " + Search.MAX_TOP_K + ", but was " + this.topK);
			}
			if ("weighted".equals(this.ranker.strategy())
					&& ((List<?>) this.ranker.params().get("weights")).size() != this.searches.size()) {
				throw new MilvusInvalidArgumentException("Hybrid search in collection '" + this.collection
						+ "': the weighted ranker needs one weight per sub-search (" + this.searches.size() + ")");
			}
			return new HybridSearch(this);
		}

	}

}
