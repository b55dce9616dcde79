package dev.milvusboot.client.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A function of a collection schema: the server computes its output fields from its input fields, so rows never
 * carry the outputs. {@link #bm25(String, String, String)} is the typed BM25 function (a VarChar field with an
 * analyzer in, a sparse vector field out); any other type the server knows ({@code TextEmbedding}, {@code MinHash},
 * ...) passes through by its type name, fields and parameters ({@link #builder(String, String)}). Immutable.
 */
public final class SchemaFunction {

	/** The type name of BM25 functions. */
	public static final String BM25 = "BM25";

	private final String name;

	private final String type;

	private final String description;

	private final List<String> inputFields;

	private final List<String> outputFields;

	private final Map<String, String> params;

	private SchemaFunction(Builder builder) {
		this.name = builder.name;
		this.type = builder.type;
		this.description = builder.description;
		this.inputFields = List.copyOf(builder.inputFields);
		this.outputFields = List.copyOf(builder.outputFields);
		this.params = Collections.unmodifiableMap(new LinkedHashMap<>(builder.params));
	}

	/**
	 * A BM25 function: the server tokenizes {@code inputField} (a VarChar field with the analyzer enabled) and
	 * stores the term weights in {@code outputField} (a sparse float vector field).
	 * @param name the function name
	 * @param inputField the text field
	 * @param outputField the sparse vector field
	 * @return the function
	 */
	public static SchemaFunction bm25(String name, String inputField, String outputField) {
		return builder(name, BM25).inputField(inputField).outputField(outputField).build();
	}

	/**
	 * Builds a function of any type.
	 * @param name the function name
	 * @param type the type name as Milvus spells it ({@code BM25}, {@code TextEmbedding}, {@code Rerank},
	 * {@code MinHash}, ...)
	 * @return the builder
	 */
	public static Builder builder(String name, String type) {
		return new Builder(name, type);
	}

	public String name() {
		return this.name;
	}

	/** The type name, such as {@code BM25}. */
	public String type() {
		return this.type;
	}

	/** Whether this is a BM25 function. */
	public boolean isBm25() {
		return BM25.equalsIgnoreCase(this.type);
	}

	public String description() {
		return this.description;
	}

	/** The names of the fields the function reads. */
	public List<String> inputFields() {
		return this.inputFields;
	}

	/** The names of the fields the function fills. */
	public List<String> outputFields() {
		return this.outputFields;
	}

	/** The function's parameters, as the server keeps them (strings). */
	public Map<String, String> params() {
		return this.params;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof SchemaFunction that && this.name.equals(that.name)
				&& this.type.equalsIgnoreCase(that.type) && this.description.equals(that.description)
				&& this.inputFields.equals(that.inputFields) && this.outputFields.equals(that.outputFields)
				&& this.params.equals(that.params));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.name, this.inputFields, this.outputFields);
	}

	@Override
	public String toString() {
		return "SchemaFunction[" + this.name + " " + this.type + " " + this.inputFields + " -> " + this.outputFields
				+ (this.params.isEmpty() ? "" : " " + this.params) + "]";
	}

	/** Builds a {@link SchemaFunction}. */
	public static final class Builder {

		private final String name;

		private final String type;

		private String description = "";

		private final List<String> inputFields = new ArrayList<>();

		private final List<String> outputFields = new ArrayList<>();

		private final Map<String, String> params = new LinkedHashMap<>();

		private Builder(String name, String type) {
			this.name = name;
			this.type = type;
		}

		public Builder description(String description) {
			this.description = (description != null) ? description : "";
			return this;
		}

		/** Adds a field the function reads. */
		public Builder inputField(String field) {
			this.inputFields.add(field);
			return this;
		}

		/** Adds a field the function fills. */
		public Builder outputField(String field) {
			this.outputFields.add(field);
			return this;
		}

		/** Sets a parameter. */
		public Builder param(String key, String value) {
			if (key == null || key.isBlank() || value == null) {
				throw new MilvusInvalidArgumentException("A parameter of function '" + this.name
						+ "' needs a name and a value, but was " + key + "=" + value);
			}
			this.params.put(key, value);
			return this;
		}

		/**
		 * Checks and builds the function; whether its fields exist is checked by the schema that holds it.
		 * @throws MilvusInvalidArgumentException if the name or type is missing, or it has no input or no output
		 * field
		 */
		public SchemaFunction build() {
			Names.requireValid(this.name, "function name");
			if (this.type == null || this.type.isBlank()) {
				throw new MilvusInvalidArgumentException("Function '" + this.name + "' needs a type, such as BM25");
			}
			if (this.inputFields.isEmpty() || this.outputFields.isEmpty()) {
				throw new MilvusInvalidArgumentException("Function '" + this.name
						+ "' needs at least one input and one output field, but has " + this.inputFields + " -> "
						+ this.outputFields);
			}
			for (String field : this.inputFields) {
				Names.requireValid(field, "input field of function '" + this.name + "'");
			}
			for (String field : this.outputFields) {
				Names.requireValid(field, "output field of function '" + this.name + "'");
			}
			if (BM25.equalsIgnoreCase(this.type) && (this.inputFields.size() != 1 || this.outputFields.size() != 1)) {
				throw new MilvusInvalidArgumentException("BM25 function '" + this.name
						+ "' needs exactly one input and one output field, but has " + this.inputFields + " -> "
						+ this.outputFields);
			}
			return new SchemaFunction(this);
		}

	}

}
