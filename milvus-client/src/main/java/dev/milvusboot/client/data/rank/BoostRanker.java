package dev.milvusboot.client.data.rank;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/**
 * Multiplies the scores of the hits matching a filter (all hits without one) by a weight, optionally by a random
 * score too (seeded, optionally derived from a field), Milvus' {@code boost} reranker. Build with
 * {@link #builder()}:
 * <pre>
 * BoostRanker.builder().filter("year &gt; 2017").weight(2.0).build()
 * </pre>
 */
public final class BoostRanker implements FunctionRanker {

	/** The function name unless set. */
	public static final String DEFAULT_NAME = "boost";

	private final String name;

	private final String filter;

	private final double weight;

	private final Long randomSeed;

	private final String randomField;

	private BoostRanker(Builder builder) {
		this.name = builder.name;
		this.filter = builder.filter;
		this.weight = builder.weight;
		this.randomSeed = builder.randomSeed;
		this.randomField = builder.randomField;
	}

	/** Starts a boost ranker. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String name() {
		return this.name;
	}

	/** The filter selecting the hits boosted, or {@code null} for all. */
	public String filter() {
		return this.filter;
	}

	/** The factor matching hits' scores are multiplied by. */
	public double weight() {
		return this.weight;
	}

	/** The seed of the random score, or {@code null} for none. */
	public Long randomSeed() {
		return this.randomSeed;
	}

	/** The field the random score is derived from, or {@code null} (the primary key). */
	public String randomField() {
		return this.randomField;
	}

	@Override
	public String toString() {
		return "BoostRanker[filter=" + this.filter + ", weight=" + this.weight + "]";
	}

	/** Builds a {@link BoostRanker}. */
	public static final class Builder {

		private String name = DEFAULT_NAME;

		private String filter;

		private Double weightSet;

		private double weight;

		private Long randomSeed;

		private String randomField;

		private Builder() {
		}

		/** The function's name in the request (default {@value #DEFAULT_NAME}). */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/** Boosts only the hits matching this boolean expression. */
		public Builder filter(String filter) {
			this.filter = (filter == null || filter.isBlank()) ? null : filter;
			return this;
		}

		/** The factor (required, finite and positive). */
		public Builder weight(double weight) {
			this.weightSet = weight;
			this.weight = weight;
			return this;
		}

		/**
		 * Adds a random score, reproducible by its seed.
		 * @param seed the seed
		 * @param field the field the score is derived from, or {@code null} for the primary key
		 * @return this builder
		 */
		public Builder randomScore(long seed, String field) {
			this.randomSeed = seed;
			this.randomField = field;
			return this;
		}

		/**
		 * Checks and builds the ranker.
		 * @throws MilvusInvalidArgumentException naming the parameter that is missing or wrong
		 */
		public BoostRanker build() {
			Names.requireValid(this.name, "boost ranker name");
			if (this.weightSet == null) {
				throw new MilvusInvalidArgumentException("Boost ranker: weight is required");
			}
			if (!Double.isFinite(this.weight) || this.weight <= 0) {
				throw new MilvusInvalidArgumentException(
						"Boost ranker: weight must be a finite number greater than 0, but was " + this.weight);
			}
			if (this.randomField != null) {
				Names.requireValid(this.randomField, "boost ranker random score field");
			}
			return new BoostRanker(this);
		}

	}

}
