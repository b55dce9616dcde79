package dev.milvusboot.client.internal.codec;

import java.util.List;

import dev.milvusboot.client.Limits;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.ValueField;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.SchemaFunction;

/**
 * Converts schemas between our types and the protocol's. Internal API.
 */
public final class SchemaCodec {

	/** The longest VARCHAR Milvus accepts. */
	public static final int MAX_VARCHAR_LENGTH = Limits.MAX_VARCHAR_LENGTH;

	static final String ENABLE_ANALYZER = "enable_analyzer";

	static final String ENABLE_MATCH = "enable_match";

	static final String ANALYZER_PARAMS = "analyzer_params";

	static final String MULTI_ANALYZER_PARAMS = "multi_analyzer_params";

	/** The name of the dynamic JSON field. */
	public static final String DYNAMIC_FIELD = "$meta";

	private SchemaCodec() {
	}

	public static dev.milvusboot.client.internal.proto.CollectionSchema toProto(CollectionSchema schema) {
		dev.milvusboot.client.internal.proto.CollectionSchema.Builder builder = dev.milvusboot.client.internal.proto.CollectionSchema
			.newBuilder()
			.setName(schema.name())
			.setDescription(schema.description())
			.setEnableDynamicField(schema.isDynamicFieldEnabled());
		for (FieldSchema field : schema.fields()) {
			builder.addFields(toProto(field));
		}
		for (SchemaFunction function : schema.functions()) {
			builder.addFunctions(FunctionCodec.toProto(function));
		}
		return builder.build();
	}

	public static dev.milvusboot.client.internal.proto.FieldSchema toProto(FieldSchema field) {
		dev.milvusboot.client.internal.proto.FieldSchema.Builder builder = dev.milvusboot.client.internal.proto.FieldSchema
			.newBuilder()
			.setName(field.name())
			.setDescription(field.description())
			.setDataType(toProto(field.dataType()))
			.setIsPrimaryKey(field.isPrimaryKey())
			.setAutoID(field.isAutoId())
			.setNullable(field.isNullable())
			.setIsPartitionKey(field.isPartitionKey())
			.setIsClusteringKey(field.isClusteringKey())
			.setIsFunctionOutput(field.isFunctionOutput());
		if (field.dimension() > 0) {
			builder.addTypeParams(pair("dim", Integer.toString(field.dimension())));
		}
		if (field.maxLength() > 0) {
			builder.addTypeParams(pair("max_length", Integer.toString(field.maxLength())));
		}
		if (field.elementType() != null) {
			builder.setElementType(toProto(field.elementType()));
			builder.addTypeParams(pair("max_capacity", Integer.toString(field.maxCapacity())));
		}
		if (field.enableAnalyzer()) {
			builder.addTypeParams(pair(ENABLE_ANALYZER, "true"));
		}
		if (!field.analyzerParams().isEmpty()) {
			builder.addTypeParams(pair(ANALYZER_PARAMS,
					Json.write(field.analyzerParams(), "analyzer params of field '" + field.name() + "'")));
		}
		if (!field.multiAnalyzerParams().isEmpty()) {
			builder.addTypeParams(pair(MULTI_ANALYZER_PARAMS, Json.write(field.multiAnalyzerParams(),
					"multi analyzer params of field '" + field.name() + "'")));
		}
		if (field.enableMatch()) {
			builder.addTypeParams(pair(ENABLE_MATCH, "true"));
		}
		if (field.defaultValue() != null) {
			builder.setDefaultValue(defaultValue(field));
		}
		return builder.build();
	}

	/**
	 * Our schema from the server's: every field (the dynamic one aside), its analyzer settings and flags, and the
	 * functions. Servers that describe no functions (Milvus Lite 2.5) still mark the output fields
	 * {@code is_function_output}, which the fields keep.
	 */
	public static CollectionSchema fromProto(dev.milvusboot.client.internal.proto.CollectionSchema proto,
			String collectionName) {
		CollectionSchema.Builder builder = CollectionSchema
			.builder(proto.getName().isEmpty() ? collectionName : proto.getName())
			.description(proto.getDescription())
			.dynamicField(proto.getEnableDynamicField());
		for (dev.milvusboot.client.internal.proto.FieldSchema field : proto.getFieldsList()) {
			if (field.getIsDynamic() || DYNAMIC_FIELD.equals(field.getName())) {
				continue;
			}
			DataType type = fromProto(field.getDataType());
			if (type == null) {
				continue; // a type this client does not know (a newer server); left out rather than failing
			}
			FieldSchema.Builder fieldBuilder = FieldSchema.builder(field.getName(), type)
				.description(field.getDescription())
				.primaryKey(field.getIsPrimaryKey())
				.autoId(field.getAutoID() || (field.getIsPrimaryKey() && proto.getAutoID()))
				.nullable(field.getNullable())
				.partitionKey(field.getIsPartitionKey())
				.clusteringKey(field.getIsClusteringKey())
				.functionOutput(field.getIsFunctionOutput());
			int capacity = 0;
			for (KeyValuePair param : field.getTypeParamsList()) {
				String where = "type parameter " + param.getKey() + " of field '" + field.getName() + "'";
				switch (param.getKey()) {
					case "dim" -> fieldBuilder.dimension(parseInt(param.getValue()));
					case "max_length" -> fieldBuilder.maxLength(parseInt(param.getValue()));
					case "max_capacity" -> capacity = parseInt(param.getValue());
					case ENABLE_ANALYZER -> fieldBuilder.enableAnalyzer(isTrue(param.getValue()));
					case ENABLE_MATCH -> fieldBuilder.enableMatch(isTrue(param.getValue()));
					case ANALYZER_PARAMS -> fieldBuilder.analyzerParams(jsonObject(param.getValue(), where));
					case MULTI_ANALYZER_PARAMS -> fieldBuilder.multiAnalyzerParams(jsonObject(param.getValue(), where));
					default -> {
					}
				}
			}
			if (type == DataType.ARRAY) {
				fieldBuilder.elementType(fromProto(field.getElementType()), Math.max(capacity, 1));
			}
			boolean varcharLike = type == DataType.VARCHAR
					|| (type == DataType.ARRAY && field.getElementType() == dev.milvusboot.client.internal.proto.DataType.VarChar);
			if (varcharLike && !hasParam(field, "max_length")) {
				// Some servers (Milvus Lite for arrays) leave the length out; Milvus' own limit applies then.
				fieldBuilder.maxLength(MAX_VARCHAR_LENGTH);
			}
			if (field.hasDefaultValue()) {
				fieldBuilder.defaultValue(defaultValue(field.getDefaultValue()));
			}
			builder.field(fieldBuilder.build());
		}
		for (dev.milvusboot.client.internal.proto.FunctionSchema function : proto.getFunctionsList()) {
			builder.function(FunctionCodec.fromProto(function));
		}
		return builder.build();
	}

	private static boolean isTrue(String value) {
		return "true".equalsIgnoreCase(value.trim());
	}

	/** A JSON object type parameter as a map (an empty map for an empty or non-object value). */
	@SuppressWarnings("unchecked")
	private static java.util.Map<String, Object> jsonObject(String text, String where) {
		if (text == null || text.isBlank()) {
			return java.util.Map.of();
		}
		try {
			Object parsed = Json.parse(text);
			return (parsed instanceof java.util.Map<?, ?> map) ? (java.util.Map<String, Object>) map
					: java.util.Map.of();
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MilvusInvalidArgumentException("The server sent a " + where + " that is not JSON: " + text);
		}
	}

	public static dev.milvusboot.client.internal.proto.DataType toProto(DataType type) {
		return switch (type) {
			case BOOL -> dev.milvusboot.client.internal.proto.DataType.Bool;
			case INT8 -> dev.milvusboot.client.internal.proto.DataType.Int8;
			case INT16 -> dev.milvusboot.client.internal.proto.DataType.Int16;
			case INT32 -> dev.milvusboot.client.internal.proto.DataType.Int32;
			case INT64 -> dev.milvusboot.client.internal.proto.DataType.Int64;
			case FLOAT -> dev.milvusboot.client.internal.proto.DataType.Float;
			case DOUBLE -> dev.milvusboot.client.internal.proto.DataType.Double;
			case VARCHAR -> dev.milvusboot.client.internal.proto.DataType.VarChar;
			case ARRAY -> dev.milvusboot.client.internal.proto.DataType.Array;
			case JSON -> dev.milvusboot.client.internal.proto.DataType.JSON;
			case GEOMETRY -> dev.milvusboot.client.internal.proto.DataType.Geometry;
			case TIMESTAMPTZ -> dev.milvusboot.client.internal.proto.DataType.Timestamptz;
			case BINARY_VECTOR -> dev.milvusboot.client.internal.proto.DataType.BinaryVector;
			case FLOAT_VECTOR -> dev.milvusboot.client.internal.proto.DataType.FloatVector;
			case FLOAT16_VECTOR -> dev.milvusboot.client.internal.proto.DataType.Float16Vector;
			case BFLOAT16_VECTOR -> dev.milvusboot.client.internal.proto.DataType.BFloat16Vector;
			case SPARSE_FLOAT_VECTOR -> dev.milvusboot.client.internal.proto.DataType.SparseFloatVector;
			case INT8_VECTOR -> dev.milvusboot.client.internal.proto.DataType.Int8Vector;
		};
	}

	/** Our type for a protocol type, or {@code null} for one this client does not know. */
	public static DataType fromProto(dev.milvusboot.client.internal.proto.DataType type) {
		return switch (type) {
			case Bool -> DataType.BOOL;
			case Int8 -> DataType.INT8;
			case Int16 -> DataType.INT16;
			case Int32 -> DataType.INT32;
			case Int64 -> DataType.INT64;
			case Float -> DataType.FLOAT;
			case Double -> DataType.DOUBLE;
			case String, VarChar, Text -> DataType.VARCHAR;
			case Array -> DataType.ARRAY;
			case JSON -> DataType.JSON;
			case Geometry -> DataType.GEOMETRY;
			case Timestamptz -> DataType.TIMESTAMPTZ;
			case BinaryVector -> DataType.BINARY_VECTOR;
			case FloatVector -> DataType.FLOAT_VECTOR;
			case Float16Vector -> DataType.FLOAT16_VECTOR;
			case BFloat16Vector -> DataType.BFLOAT16_VECTOR;
			case SparseFloatVector -> DataType.SPARSE_FLOAT_VECTOR;
			case Int8Vector -> DataType.INT8_VECTOR;
			default -> null;
		};
	}

	private static ValueField defaultValue(FieldSchema field) {
		Object value = field.defaultValue();
		String where = "default value of field '" + field.name() + "'";
		ValueField.Builder builder = ValueField.newBuilder();
		switch (field.dataType()) {
			case BOOL -> builder.setBoolData(ValueConversions.toBoolean(value, where));
			case INT8, INT16, INT32 -> builder.setIntData(ValueConversions.toInt(value, field.dataType(), where));
			case INT64 -> builder.setLongData(ValueConversions.toLong(value, where));
			case FLOAT -> builder.setFloatData(ValueConversions.toFloat(value, where));
			case DOUBLE -> builder.setDoubleData(ValueConversions.toDouble(value, where));
			case VARCHAR -> builder.setStringData(ValueConversions.toStringValue(value, where));
			default -> throw new MilvusInvalidArgumentException(
					"Field '" + field.name() + "' of type " + field.dataType() + " cannot have a default value");
		}
		return builder.build();
	}

	private static Object defaultValue(ValueField value) {
		return switch (value.getDataCase()) {
			case BOOL_DATA -> value.getBoolData();
			case INT_DATA -> value.getIntData();
			case LONG_DATA -> value.getLongData();
			case FLOAT_DATA -> value.getFloatData();
			case DOUBLE_DATA -> value.getDoubleData();
			case STRING_DATA -> value.getStringData();
			default -> null;
		};
	}

	static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

	/** Reads key-value pairs into a map. */
	public static java.util.Map<String, String> toMap(List<KeyValuePair> pairs) {
		java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
		pairs.forEach((pair) -> map.put(pair.getKey(), pair.getValue()));
		return map;
	}

	private static boolean hasParam(dev.milvusboot.client.internal.proto.FieldSchema field, String key) {
		return field.getTypeParamsList().stream().anyMatch((pair) -> pair.getKey().equals(key));
	}

	private static int parseInt(String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
