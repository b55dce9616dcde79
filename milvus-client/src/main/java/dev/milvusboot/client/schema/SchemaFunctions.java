package dev.milvusboot.client.schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Checks the functions of a schema against its fields and marks their output fields as function outputs.
 */
final class SchemaFunctions {

	private SchemaFunctions() {
	}

	/**
	 * Checks the functions of a schema.
	 * @param collection the collection name, for messages
	 * @param fields the fields
	 * @param functions the functions
	 * @return the fields, the functions' outputs marked as such
	 * @throws MilvusInvalidArgumentException naming the function and field at fault
	 */
	static List<FieldSchema> check(String collection, List<FieldSchema> fields, List<SchemaFunction> functions) {
		if (functions.isEmpty()) {
			return fields;
		}
		Map<String, FieldSchema> byName = new LinkedHashMap<>();
		fields.forEach((field) -> byName.put(field.name(), field));
		Set<String> names = new HashSet<>();
		Set<String> outputs = new HashSet<>();
		for (SchemaFunction function : functions) {
			String what = "Function '" + function.name() + "' of collection '" + collection + "'";
			if (!names.add(function.name())) {
				throw new MilvusInvalidArgumentException(
						"Collection '" + collection + "' has two functions named '" + function.name() + "'");
			}
			for (String input : function.inputFields()) {
				FieldSchema field = require(what, "input", input, byName);
				if (function.isBm25() && (field.dataType() != DataType.VARCHAR || !field.enableAnalyzer())) {
					throw new MilvusInvalidArgumentException(what + " is BM25, so its input field '" + input
							+ "' must be a VARCHAR field with the analyzer enabled, but it is " + field.dataType()
							+ (field.enableAnalyzer() ? "" : " without analyzer"));
				}
			}
			for (String output : function.outputFields()) {
				FieldSchema field = require(what, "output", output, byName);
				if (function.inputFields().contains(output)) {
					throw new MilvusInvalidArgumentException(
							what + " names field '" + output + "' as both input and output");
				}
				if (!outputs.add(output)) {
					throw new MilvusInvalidArgumentException(what + " fills field '" + output
							+ "', which another function fills already");
				}
				if (field.isPrimaryKey()) {
					throw new MilvusInvalidArgumentException(
							what + " cannot fill the primary key '" + output + "'");
				}
				if (function.isBm25() && field.dataType() != DataType.SPARSE_FLOAT_VECTOR) {
					throw new MilvusInvalidArgumentException(what + " is BM25, so its output field '" + output
							+ "' must be a SPARSE_FLOAT_VECTOR field, but it is " + field.dataType());
				}
			}
		}
		List<FieldSchema> marked = new ArrayList<>(fields.size());
		for (FieldSchema field : fields) {
			boolean output = outputs.contains(field.name()) && !field.isFunctionOutput();
			marked.add(output ? field.toBuilder().functionOutput(true).build() : field);
		}
		return marked;
	}

	private static FieldSchema require(String what, String role, String name, Map<String, FieldSchema> fields) {
		FieldSchema field = fields.get(name);
		if (field == null) {
			throw new MilvusInvalidArgumentException(what + " names " + role + " field '" + name
					+ "', which the collection does not have (its fields: " + fields.keySet() + ")");
		}
		return field;
	}

}
