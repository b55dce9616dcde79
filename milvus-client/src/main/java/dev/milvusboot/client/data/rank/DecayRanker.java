package dev.milvusboot.client.data.rank;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/**
 * Multiplies each hit's score by a decay of how far a numeric field is from an origin, Milvus' {@code decay}
 * reranker: no decay within {@code offset} of the origin, the factor {@code decay} at {@code offset + scale}, by a
 * Gaussian, exponential or linear curve. Build with {@link #gauss(String)}, {@link #exp(String)} or
 * {@link #linear(String)}:
 * <pre>
 * DecayRanker.gauss("year").origin(2026).scale(6).decay(0.5).build()
 * </pre>
 */
public final class DecayRanker implements FunctionRanker {

	/** The function name unless set. */
	public static final String DEFAULT_NAME = "decay";

	/** The factor at {@code offset + scale} unless set. */
	public static final double DEFAULT_DECAY = 0.5;

	/** The decay curve. */
	public enum Function {

		/** Gaussian. */
		GAUSS("gauss"),
		/** Exponential. */
		EXP("exp"),
		/** Linear, reaching 0. */
		LINEAR("linear");

		private final String wireName;

		Function(String wireName) {
			this.wireName = wireName;
		}

		/** The name Milvus knows the curve by. */
		public String wireName() {
			return this.wireName;
		}

	}

	private final String name;

	private final Function function;

	private final String field;

	private final Number origin;

	private final Number scale;

	private final Number offset;

	private final double decay;

	private DecayRanker(Builder builder) {
		this.name = builder.name;
		this.function = builder.function;
		this.field = builder.field;
		this.origin = builder.origin;
		this.scale = builder.scale;
		this.offset = builder.offset;
		this.decay = builder.decay;
	}

	/** A Gaussian decay on a numeric field. */
	public static Builder gauss(String field) {
		return new Builder(Function.GAUSS, field);
	}

	/** An exponential decay on a numeric field. */
	public static Builder exp(String field) {
		return new Builder(Function.EXP, field);
	}

	/** A linear decay on a numeric field. */
	public static Builder linear(String field) {
		return new Builder(Function.LINEAR, field);
	}

	@Override
	public String name() {
		return this.name;
	}

	public Function function() {
		return this.function;
	}

	/** The numeric field the distance is measured on. */
	public String field() {
		return this.field;
	}

	/** The value with no decay. */
	public Number origin() {
		return this.origin;
	}

	/** The distance beyond the offset at which the factor is {@link #decay()}. */
	public Number scale() {
		return this.scale;
	}

	/** The distance from the origin within which there is no decay. */
	public Number offset() {
		return this.offset;
	}

	/** The factor at {@code offset + scale}, in (0, 1). */
	public double decay() {
		return this.decay;
	}

	@Override
	public String toString() {
		return "DecayRanker[" + this.function.wireName + " on " + this.field + ", origin=" + this.origin + ", scale="
				+ this.scale + ", offset=" + this.offset + ", decay=" + this.decay + "]";
	}

	/** Builds a {@link DecayRanker}. */
	public static final class Builder {

		private String name = DEFAULT_NAME;

		private final Function function;

		private final String field;

		private Number origin;

		private Number scale;

		private Number offset = 0;

		private double decay = DEFAULT_DECAY;

		private Builder(Function function, String field) {
			this.function = function;
			this.field = field;
		}

		/** The function's name in the request (default {@value #DEFAULT_NAME}). */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/** The value with no decay (required): an integer, a timestamp or a decimal number. */
		public Builder origin(Number origin) {
			this.origin = origin;
			return this;
		}

		/** The distance beyond the offset at which the factor is the decay (required, greater than 0). */
		public Builder scale(Number scale) {
			this.scale = scale;
			return this;
		}

		/** The distance from the origin within which there is no decay (default 0). */
		public Builder offset(Number offset) {
			this.offset = offset;
			return this;
		}

		/** The factor at {@code offset + scale}, in (0, 1) (default 0.5). */
		public Builder decay(double decay) {
			this.decay = decay;
			return this;
		}

		/**
		 * Checks and builds the ranker.
		 * @throws MilvusInvalidArgumentException naming the parameter that is missing or wrong
		 */
		public DecayRanker build() {
			Names.requireValid(this.name, "decay ranker name");
			Names.requireValid(this.field, "decay ranker field");
			requireFinite(this.origin, "origin");
			requireFinite(this.scale, "scale");
			requireFinite(this.offset, "offset");
			if (this.scale.doubleValue() <= 0) {
				throw new MilvusInvalidArgumentException(
						"Decay ranker on '" + this.field + "': scale must be greater than 0, but was " + this.scale);
			}
			if (this.offset.doubleValue() < 0) {
				throw new MilvusInvalidArgumentException(
						"Decay ranker on '" + this.field + "': offset must be at least 0, but was " + this.offset);
			}
			if (!(this.decay > 0 && this.decay < 1)) {
				throw new MilvusInvalidArgumentException(
						"Decay ranker on '" + this.field + "': decay must be in (0, 1), but was " + this.decay);
			}
			return new DecayRanker(this);
		}

		private void requireFinite(Number value, String parameter) {
			if (value == null) {
				throw new MilvusInvalidArgumentException(
						"Decay ranker on '" + this.field + "': " + parameter + " is required");
			}
			if (!Double.isFinite(value.doubleValue())) {
				throw new MilvusInvalidArgumentException("Decay ranker on '" + this.field + "': " + parameter
						+ " must be a finite number, but was " + value);
			}
		}

	}

}
