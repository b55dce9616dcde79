package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.data.rank.FunctionRanker;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * A search: by query vectors, by raw texts (a BM25 function's output field) or by primary keys (the stored vectors
 * of those entities, Milvus 2.6); how many hits each, and optional filter, partitions, output fields, metric,
 * index search parameters ({@code nprobe}, {@code ef}, {@code radius}, ...), consistency, grouping, function
 * rankers and highlighting. Immutable once built; start with {@link #in(String)}.
 * <pre>
 * client.search(Search.in("docs").vector(queryVector).topK(5).param("nprobe", 16).outputFields("title").build());
 * client.search(Search.in("docs").annsField("sparse").text("quick fox").topK(5).build());
 * </pre>
 * Over 300 lines: one value type with its builder, its checks kept in {@code SearchChecks}.
 */
public final class Search extends FilteredRead {

	/** Hits per query vector unless set. */
	public static final int DEFAULT_TOP_K = 10;

	/** The largest top-k Milvus accepts. */
	public static final int MAX_TOP_K = Limits.MAX_TOP_K;

	private final String annsField;

	private final List<Object> vectors;

	private final int topK;

	private final int offset;

	private final MetricType metric;

	private final Map<String, Object> params;

	private final String groupByField;

	private final int roundDecimal;

	private final List<String> texts;

	private final List<Object> ids;

	private final int groupSize;

	private final Boolean strictGroupSize;

	private final List<FunctionRanker> rankers;

	private final Highlighter highlighter;

	private Search(Builder builder) {
		super(builder);
		this.annsField = builder.annsField;
		this.vectors = List.copyOf(builder.vectors);
		this.topK = builder.topK;
		this.offset = builder.offset;
		this.metric = builder.metric;
		this.params = Map.copyOf(builder.params);
		this.groupByField = builder.groupByField;
		this.roundDecimal = builder.roundDecimal;
		this.texts = List.copyOf(builder.texts);
		this.ids = List.copyOf(builder.ids);
		this.groupSize = builder.groupSize;
		this.strictGroupSize = builder.strictGroupSize;
		this.rankers = List.copyOf(builder.rankers);
		this.highlighter = builder.highlighter;
	}

	/**
	 * Starts a search in a collection.
	 * @param collection the collection name
	 * @return a builder
	 */
	public static Builder in(String collection) {
		return new Builder(collection);
	}

	/** The vector field searched, or {@code null} for the collection's only vector field. */
	public String annsField() {
		return this.annsField;
	}

	/** The query vectors: {@code float[]}, {@code byte[]} or {@link SparseVector}. */
	public List<Object> vectors() {
		return this.vectors;
	}

	public int topK() {
		return this.topK;
	}

	public int offset() {
		return this.offset;
	}

	/** The metric, or {@code null} for the index's. */
	public MetricType metric() {
		return this.metric;
	}

	/** Index search parameters such as {@code nprobe} or {@code ef}. */
	public Map<String, Object> params() {
		return this.params;
	}

	/** The scalar field hits are grouped by, or {@code null}. */
	public String groupByField() {
		return this.groupByField;
	}

	/** Decimal places scores are rounded to, {@code -1} for none. */
	public int roundDecimal() {
		return this.roundDecimal;
	}

	/** The raw query texts of a full-text search, or empty. */
	public List<String> texts() {
		return this.texts;
	}

	/** The primary keys ({@code Long} or {@code String}) whose vectors are the queries, or empty. */
	public List<Object> ids() {
		return this.ids;
	}

	/** The number of queries: vectors, texts or primary keys. */
	public int queryCount() {
		return this.vectors.size() + this.texts.size() + this.ids.size();
	}

	/** Hits per group when grouping, {@code 0} for the server's default (1). */
	public int groupSize() {
		return this.groupSize;
	}

	/** Whether every group must hold {@link #groupSize()} hits, or {@code null} for the server's default. */
	public Boolean strictGroupSize() {
		return this.strictGroupSize;
	}

	/** The function rankers rescoring the hits, in order, or empty. */
	public List<FunctionRanker> rankers() {
		return this.rankers;
	}

	/** The highlighter, or {@code null}. */
	public Highlighter highlighter() {
		return this.highlighter;
	}

	/** Builds a {@link Search}. */
	public static final class Builder extends FilteredRead.Builder<Builder> {

		private String annsField;

		private final List<Object> vectors = new ArrayList<>();

		private int topK = DEFAULT_TOP_K;

		private int offset;

		private MetricType metric;

		private final Map<String, Object> params = new LinkedHashMap<>();

		private String groupByField;

		private int roundDecimal = -1;

		private final List<String> texts = new ArrayList<>();

		private final List<Object> ids = new ArrayList<>();

		private int groupSize;

		private Boolean strictGroupSize;

		private final List<FunctionRanker> rankers = new ArrayList<>();

		private Highlighter highlighter;

		private Builder(String collection) {
			super(collection);
		}

		/** Searches this vector field (needed when the collection has several). */
		public Builder annsField(String annsField) {
			this.annsField = annsField;
			return this;
		}

		/** Adds a float query vector. */
		public Builder vector(float[] vector) {
			this.vectors.add(vector);
			return this;
		}

		/** Adds float query vectors. */
		public Builder vectors(float[]... vectors) {
			for (float[] vector : vectors) {
				this.vectors.add(vector);
			}
			return this;
		}

		/** Adds float query vectors. */
		public Builder vectors(List<float[]> vectors) {
			this.vectors.addAll(vectors);
			return this;
		}

		/** Adds a binary, float16, bfloat16 or int8 query vector in its packed byte form. */
		public Builder vector(byte[] vector) {
			this.vectors.add(vector);
			return this;
		}

		/** Adds a sparse query vector. */
		public Builder vector(SparseVector vector) {
			this.vectors.add(vector);
			return this;
		}

		/** Adds a raw query text, searched in the output field of a BM25 function (see {@link #annsField}). */
		public Builder text(String text) {
			this.texts.add(text);
			return this;
		}

		/** Adds raw query texts. */
		public Builder texts(String... texts) {
			this.texts.addAll(java.util.Arrays.asList(texts));
			return this;
		}

		/** Searches with the stored vectors of these entities ("more like this", Milvus 2.6). */
		public Builder ids(long... ids) {
			for (long id : ids) {
				this.ids.add(id);
			}
			return this;
		}

		/** Searches with the stored vectors of these entities of a collection with string keys. */
		public Builder ids(String... ids) {
			this.ids.addAll(java.util.Arrays.asList(ids));
			return this;
		}

		/** How many hits each query vector gets (1 to 16384). */
		public Builder topK(int topK) {
			this.topK = topK;
			return this;
		}

		/** Skips this many best hits (paging). */
		public Builder offset(int offset) {
			this.offset = offset;
			return this;
		}

		public Builder metric(MetricType metric) {
			this.metric = metric;
			return this;
		}

		/** Sets an index search parameter, e.g. {@code param("nprobe", 16)} or {@code param("ef", 64)}. */
		public Builder param(String name, Object value) {
			this.params.put(name, value);
			return this;
		}

		/** Groups hits by this scalar field: at most one hit per value. */
		public Builder groupBy(String field) {
			this.groupByField = field;
			return this;
		}

		/** Returns up to this many hits per group (with {@link #groupBy}; default 1). */
		public Builder groupSize(int groupSize) {
			this.groupSize = groupSize;
			return this;
		}

		/** Whether each group must be filled to the group size (with {@link #groupBy}). */
		public Builder strictGroupSize(boolean strict) {
			this.strictGroupSize = strict;
			return this;
		}

		/** Rescores the hits with these function rankers (boost, decay; Milvus 2.6). */
		public Builder ranker(FunctionRanker... rankers) {
			this.rankers.addAll(java.util.Arrays.asList(rankers));
			return this;
		}

		/** Highlights the matched text of a full-text search (Milvus 2.6). */
		public Builder highlighter(Highlighter highlighter) {
			this.highlighter = highlighter;
			return this;
		}

		public Builder roundDecimal(int roundDecimal) {
			this.roundDecimal = roundDecimal;
			return this;
		}

		/**
		 * Checks and builds the search.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public Search build() {
			checkNames();
			if (this.annsField != null) {
				Names.requireValid(this.annsField, "vector field name");
			}
			String what = "Search in collection '" + this.collection + "'";
			SearchChecks.queries(what, this.vectors, this.texts, this.ids);
			SearchChecks.grouping(what, this.groupByField, this.groupSize, this.strictGroupSize);
			SearchChecks.rankers(what, this.rankers);
			SearchChecks.window(what, this.topK, this.offset);
			return new Search(this);
		}

	}

}
