package dev.milvusboot.core.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.SchemaFunction;

/**
 * What a {@link MilvusFullText} annotation declares: the analyzed VARCHAR field, its BM25 function and the name of
 * the function's sparse output field.
 */
final class FullTextField {

	private final MilvusFullText annotation;

	private final String name;

	private final String where;

	FullTextField(MilvusFullText annotation, String name, String where) {
		this.annotation = annotation;
		this.name = name;
		this.where = where;
	}

	/** The name of the BM25 output field. */
	String output() {
		return this.annotation.output().isEmpty() ? this.name + "_sparse" : this.annotation.output();
	}

	/** The BM25 function from the text field to its output. */
	SchemaFunction function() {
		String function = this.annotation.function().isEmpty() ? this.name + "_bm25" : this.annotation.function();
		try {
			return SchemaFunction.bm25(function, this.name, output());
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MappingException("Cannot map the @MilvusFullText " + this.where + ": " + ex.getMessage(), ex);
		}
	}

	/** The analyzed text field, its length and nullability from the member's {@link MilvusField}, if any. */
	FieldSchema schema(MilvusField settings) {
		return FieldSchema.builder(this.name, DataType.VARCHAR)
			.maxLength((settings != null) ? settings.maxLength() : 1024)
			.nullable(settings != null && settings.nullable())
			.enableAnalyzer(true)
			.analyzerParams(analyzerParams())
			.enableMatch(this.annotation.enableMatch())
			.build();
	}

	private Map<String, Object> analyzerParams() {
		if (!this.annotation.analyzerParams().isBlank()) {
			Object parsed;
			try {
				parsed = Json.parse(this.annotation.analyzerParams());
			}
			catch (MilvusInvalidArgumentException ex) {
				throw new MappingException("The analyzerParams of @MilvusFullText " + this.where + " are not JSON: "
						+ ex.getMessage(), ex);
			}
			if (!(parsed instanceof Map<?, ?> map)) {
				throw new MappingException("The analyzerParams of @MilvusFullText " + this.where
						+ " must be a JSON object, but are " + this.annotation.analyzerParams());
			}
			Map<String, Object> params = new LinkedHashMap<>();
			map.forEach((key, value) -> params.put(String.valueOf(key), value));
			return params;
		}
		if (!this.annotation.analyzer().isBlank()) {
			return Map.of("type", this.annotation.analyzer());
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("tokenizer", this.annotation.tokenizer());
		if (this.annotation.filters().length > 0) {
			params.put("filter", List.of(this.annotation.filters()));
		}
		return params;
	}

}
