package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/**
 * Texts to run through an analyzer (Milvus 2.5.11+ {@code RunAnalyzer}): the analyzer is given by its parameters,
 * or is the one of a collection's field. Start with {@link #of(String...)}:
 * <pre>
 * client.runAnalyzer(AnalyzerRun.of("The Quick Foxes").analyzerParam("type", "english").build())
 * </pre>
 */
public final class AnalyzerRun {

	private final List<String> texts;

	private final Map<String, Object> analyzerParams;

	private final String collection;

	private final String field;

	private final List<String> analyzerNames;

	private final boolean withDetail;

	private final boolean withHash;

	private AnalyzerRun(Builder builder) {
		this.texts = List.copyOf(builder.texts);
		this.analyzerParams = (builder.analyzerParams.isEmpty()) ? null
				: java.util.Collections.unmodifiableMap(new LinkedHashMap<>(builder.analyzerParams));
		this.collection = builder.collection;
		this.field = builder.field;
		this.analyzerNames = List.copyOf(builder.analyzerNames);
		this.withDetail = builder.withDetail;
		this.withHash = builder.withHash;
	}

	/**
	 * Starts a run over texts.
	 * @param texts the texts
	 * @return a builder
	 */
	public static Builder of(String... texts) {
		return new Builder(Arrays.asList(texts));
	}

	public List<String> texts() {
		return this.texts;
	}

	/** The analyzer's parameters (e.g. {@code {"type": "english"}}), or {@code null} for the field's analyzer. */
	public Map<String, Object> analyzerParams() {
		return this.analyzerParams;
	}

	/** The collection whose field's analyzer is run, or {@code null}. */
	public String collection() {
		return this.collection;
	}

	/** The field whose analyzer is run, or {@code null}. */
	public String field() {
		return this.field;
	}

	/** The analyzers to use of a field with several, or empty. */
	public List<String> analyzerNames() {
		return this.analyzerNames;
	}

	/** Whether tokens carry offsets and positions. */
	public boolean withDetail() {
		return this.withDetail;
	}

	/** Whether tokens carry their hash. */
	public boolean withHash() {
		return this.withHash;
	}

	/** Builds an {@link AnalyzerRun}. */
	public static final class Builder {

		private final List<String> texts;

		private final Map<String, Object> analyzerParams = new LinkedHashMap<>();

		private String collection;

		private String field;

		private final List<String> analyzerNames = new ArrayList<>();

		private boolean withDetail;

		private boolean withHash;

		private Builder(List<String> texts) {
			this.texts = new ArrayList<>(texts);
		}

		/** Sets an analyzer parameter, e.g. {@code analyzerParam("tokenizer", "standard")}. */
		public Builder analyzerParam(String name, Object value) {
			this.analyzerParams.put(name, value);
			return this;
		}

		/** Runs the analyzer of a collection's field. */
		public Builder field(String collection, String field) {
			this.collection = collection;
			this.field = field;
			return this;
		}

		/** Picks analyzers by name (a field with several analyzers). */
		public Builder analyzerNames(String... names) {
			this.analyzerNames.addAll(Arrays.asList(names));
			return this;
		}

		/** Asks for offsets and positions. */
		public Builder withDetail(boolean withDetail) {
			this.withDetail = withDetail;
			return this;
		}

		/** Asks for token hashes. */
		public Builder withHash(boolean withHash) {
			this.withHash = withHash;
			return this;
		}

		/**
		 * Checks and builds the run.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public AnalyzerRun build() {
			if (this.texts.isEmpty() || this.texts.contains(null)) {
				throw new MilvusInvalidArgumentException("Run analyzer: texts must hold at least one text and no null");
			}
			if ((this.collection == null) != (this.field == null)) {
				throw new MilvusInvalidArgumentException("Run analyzer: collection and field go together");
			}
			if (this.collection != null) {
				Names.requireValid(this.collection, "collection name");
				Names.requireValid(this.field, "field name");
			}
			if (this.collection == null && this.analyzerParams.isEmpty()) {
				throw new MilvusInvalidArgumentException(
						"Run analyzer: set analyzerParam(...) or the field(collection, field) whose analyzer to run");
			}
			return new AnalyzerRun(this);
		}

	}

}
