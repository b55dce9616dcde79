package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.data.rank.WeightedRanker;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A search over several fields at once (Milvus 2.4+): each {@link SubSearch} names its field, query (vector or
 * text), top-k, parameters and filter; a {@link Ranker} merges their hits (RRF unless set), or a function ranker
 * (boost, decay; Milvus 2.6) rescores them. Offset and grouping apply to the merged hits. Start with
 * {@link #in(String)}:
 * <pre>
 * client.hybridSearch(HybridSearch.in("docs")
 *     .add(SubSearch.field("dense").vector(queryVector).topK(20).build())
 *     .add(SubSearch.field("sparse").text("quick fox").topK(20).build())
 *     .ranker(Ranker.rrf()).topK(5).build());
 * </pre>
 */
public final class HybridSearch extends ReadScope {

	private final List<Search> searches;

	private final Ranker ranker;

	private final int topK;

	private final int offset;

	private final String groupByField;

	private final int groupSize;

	private final Boolean strictGroupSize;

	private HybridSearch(Builder builder) {
		super(builder);
		this.searches = List.copyOf(builder.searches);
		this.ranker = builder.ranker;
		this.topK = builder.topK;
		this.offset = builder.offset;
		this.groupByField = builder.groupByField;
		this.groupSize = builder.groupSize;
		this.strictGroupSize = builder.strictGroupSize;
	}

	public static Builder in(String collection) {
		return new Builder(collection);
	}

	/** The sub-searches as searches of this collection, in order. */
	public List<Search> searches() {
		return this.searches;
	}

	public Ranker ranker() {
		return this.ranker;
	}

	/** How many merged hits are returned. */
	public int topK() {
		return this.topK;
	}

	/** How many best merged hits are skipped. */
	public int offset() {
		return this.offset;
	}

	/** The scalar field merged hits are grouped by, or {@code null}. */
	public String groupByField() {
		return this.groupByField;
	}

	/** Hits per group, {@code 0} for the server's default (1). */
	public int groupSize() {
		return this.groupSize;
	}

	/** Whether every group must be filled, or {@code null} for the server's default. */
	public Boolean strictGroupSize() {
		return this.strictGroupSize;
	}

	/** Builds a {@link HybridSearch}. */
	public static final class Builder extends ReadScope.Builder<Builder> {

		private final List<Search> searches = new ArrayList<>();

		private Ranker ranker = Ranker.rrf();

		private int topK = Search.DEFAULT_TOP_K;

		private int offset;

		private String groupByField;

		private int groupSize;

		private Boolean strictGroupSize;

		private Builder(String collection) {
			super(collection);
		}

		/**
		 * Adds a sub-search.
		 * @param search the sub-search
		 * @return this builder
		 */
		public Builder add(SubSearch search) {
			if (search == null) {
				throw new MilvusInvalidArgumentException(
						"Hybrid search in collection '" + this.collection + "': a sub-search is null");
			}
			this.searches.add(search.in(this.collection));
			return this;
		}

		/**
		 * Adds a sub-search written as a search of this collection with one query (the form before
		 * {@link SubSearch}); its offset, grouping, rankers and highlighter are not allowed.
		 * @param search the sub-search
		 * @return this builder
		 */
		public Builder add(Search search) {
			this.searches.add(search);
			return this;
		}

		/** Merges (RRF, weighted) or rescores (boost, decay) the sub-searches' hits; RRF with k = 60 unless set. */
		public Builder ranker(Ranker ranker) {
			this.ranker = ranker;
			return this;
		}

		/** How many merged hits to return. */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		/** Skips this many best merged hits (paging). */
		public Builder offset(int offset) {
			this.offset = offset;
			return this;
		}

		/** Groups merged hits by this scalar field. */
		public Builder groupBy(String field) {
			this.groupByField = field;
			return this;
		}

		/** Up to this many hits per group (with {@link #groupBy}). */
		public Builder groupSize(int groupSize) {
			this.groupSize = groupSize;
			return this;
		}

		/** Whether each group must be filled to the group size (with {@link #groupBy}). */
		public Builder strictGroupSize(boolean strict) {
			this.strictGroupSize = strict;
			return this;
		}

		/**
		 * Checks and builds the hybrid search.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public HybridSearch build() {
			checkNames();
			String what = "Hybrid search in collection '" + this.collection + "'";
			if (this.searches.isEmpty()) {
				throw new MilvusInvalidArgumentException(what + " needs at least one sub-search");
			}
			for (int i = 0; i < this.searches.size(); i++) {
				checkSubSearch(what, i, this.searches.get(i));
			}
			if (this.ranker == null) {
				throw new MilvusInvalidArgumentException(what + ": ranker must not be null");
			}
			SearchChecks.window(what, this.topK, this.offset);
			SearchChecks.grouping(what, this.groupByField, this.groupSize, this.strictGroupSize);
			if (this.ranker instanceof WeightedRanker weighted && weighted.weights().size() != this.searches.size()) {
				throw new MilvusInvalidArgumentException(what + ": the weighted ranker's weights must hold one weight"
						+ " per sub-search (" + this.searches.size() + "), but hold " + weighted.weights().size());
			}
			return new HybridSearch(this);
		}

		private void checkSubSearch(String what, int index, Search search) {
			if (search == null) {
				throw new MilvusInvalidArgumentException(what + ": sub-search " + index + " is null");
			}
			if (!search.collection().equals(this.collection)) {
				throw new MilvusInvalidArgumentException(
						what + " has a sub-search in collection '" + search.collection() + "'");
			}
			if (search.queryCount() != 1 || !search.ids().isEmpty()) {
				throw new MilvusInvalidArgumentException(what + ": sub-search " + index
						+ " must hold exactly one query vector or text, but holds " + search.queryCount()
						+ (search.ids().isEmpty() ? " queries" : " primary keys"));
			}
			if (search.offset() != 0 || search.groupByField() != null || !search.rankers().isEmpty()
					|| search.highlighter() != null) {
				throw new MilvusInvalidArgumentException(what + ": sub-search " + index
						+ " sets offset, groupBy, rankers or a highlighter; set offset and groupBy on the hybrid"
						+ " search, its ranker with ranker(...)");
			}
		}

	}

}
