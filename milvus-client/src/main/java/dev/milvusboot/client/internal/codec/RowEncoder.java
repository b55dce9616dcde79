package dev.milvusboot.client.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.ArrayArray;
import dev.milvusboot.client.internal.proto.BoolArray;
import dev.milvusboot.client.internal.proto.DoubleArray;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.FloatArray;
import dev.milvusboot.client.internal.proto.InsertRequest;
import dev.milvusboot.client.internal.proto.IntArray;
import dev.milvusboot.client.internal.proto.JSONArray;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.MsgBase;
import dev.milvusboot.client.internal.proto.MsgType;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.SparseFloatArray;
import dev.milvusboot.client.internal.proto.StringArray;
import dev.milvusboot.client.internal.proto.VectorField;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * Turns rows (maps of field names to values) into insert or upsert requests for a collection schema: checks every
 * row first (missing fields, unknown fields, wrong types, vector dimensions, NaN and infinity, values for fields a
 * schema function fills, which are never sent), so that nothing is
 * sent when any row is bad, then splits the rows into batches that fit the request size limit. Over 300 lines on
 * purpose: one check-and-write step per data type, which read best side by side. Internal API.
 */
public final class RowEncoder {

	/** Room left for the message envelope in each batch. */
	private static final double BATCH_FILL = 0.9;

	private RowEncoder() {
	}

	/**
	 * Checks and encodes rows.
	 * @param upsert whether the rows are upserted (then the primary key is always sent)
	 * @param partition the partition, or {@code null}
	 * @param schema the collection's schema
	 * @param rows the rows
	 * @param maxRequestSize the largest request to send, in bytes
	 * @return the batches, in row order
	 * @throws MilvusInvalidArgumentException naming the row and field at fault
	 */
	public static List<EncodedWrite> encode(boolean upsert, String partition,
			CollectionSchema schema, List<? extends Map<String, ?>> rows, long maxRequestSize) {
		String collection = schema.name();
		String verb = upsert ? "Upsert into" : "Insert into";
		if (rows == null || rows.isEmpty()) {
			throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "' needs at least one row");
		}
		List<FieldSchema> fields = new ArrayList<>();
		for (FieldSchema field : schema.writableFields()) {
			if (!(field.isPrimaryKey() && field.isAutoId() && !upsert)) {
				fields.add(field);
			}
		}
		return encodeFields(verb, upsert, partition, schema, fields, rows, maxRequestSize);
	}

	/** Checks and encodes the given fields of the rows (all fields but generated keys, or those a partial upsert sends). */
	static List<EncodedWrite> encodeFields(String verb, boolean upsert, String partition,
			CollectionSchema schema, List<FieldSchema> fields, List<? extends Map<String, ?>> rows,
			long maxRequestSize) {
		Checked checked = check(verb, schema, fields, rows, maxRequestSize);
		List<EncodedWrite> batches = new ArrayList<>();
		int from = 0;
		while (from < rows.size()) {
			long size = 0;
			int to = from;
			long budget = (long) (maxRequestSize * BATCH_FILL);
			while (to < rows.size() && (to == from || size + checked.rowSizes[to] <= budget)) {
				size += checked.rowSizes[to];
				to++;
			}
			batches.add(encodeBatch(upsert, partition, schema, fields, rows, checked, from, to));
			from = to;
		}
		return batches;
	}

	private static EncodedWrite encodeBatch(boolean upsert, String partition,
			CollectionSchema schema, List<FieldSchema> fields, List<? extends Map<String, ?>> rows, Checked checked,
			int from, int to) {
		List<FieldData> columns = new ArrayList<>();
		List<EncodedWrite.FloatColumn> floatColumns = new ArrayList<>();
		for (int f = 0; f < fields.size(); f++) {
			FieldSchema field = fields.get(f);
			if (field.dataType() == DataType.FLOAT_VECTOR) {
				floatColumns.add(new EncodedWrite.FloatColumn(field.name(), field.dimension(),
						checked.floatVectors[f], from, to));
			}
			else {
				columns.add(column(field, rows, from, to));
			}
		}
		if (schema.isDynamicFieldEnabled()) {
			JSONArray.Builder json = JSONArray.newBuilder();
			for (int row = from; row < to; row++) {
				Map<String, Object> extra = checked.dynamic[row];
				json.addData(ByteString.copyFromUtf8(
						(extra == null) ? "{}" : Json.write(extra, "the dynamic fields of row " + row)));
			}
			columns.add(FieldData.newBuilder()
				.setFieldName(SchemaCodec.DYNAMIC_FIELD)
				.setType(dev.milvusboot.client.internal.proto.DataType.JSON)
				.setIsDynamic(true)
				.setScalars(ScalarField.newBuilder().setJsonData(json))
				.build());
		}
		// Fields 1 to 7 of InsertRequest and UpsertRequest are the same, so one message serves both.
		InsertRequest.Builder request = InsertRequest.newBuilder()
			.setBase(MsgBase.newBuilder().setMsgType(upsert ? MsgType.Upsert : MsgType.Insert))
			.setCollectionName(schema.name())
			.setNumRows(to - from)
			.addAllFieldsData(columns);
		if (partition != null) {
			request.setPartitionName(partition);
		}
		byte[] message = request.build().toByteArray();
		return new EncodedWrite(message, floatColumns, from, to - from);
	}

	/** What the checking pass found: float vectors by field, dynamic values and sizes by row. */
	private record Checked(float[][][] floatVectors, Map<String, Object>[] dynamic, long[] rowSizes) {
	}

	@SuppressWarnings("unchecked")
	private static Checked check(String verb, CollectionSchema schema, List<FieldSchema> fields,
			List<? extends Map<String, ?>> rows, long maxRequestSize) {
		String collection = schema.name();
		float[][][] floatVectors = new float[fields.size()][][];
		for (int f = 0; f < fields.size(); f++) {
			if (fields.get(f).dataType() == DataType.FLOAT_VECTOR) {
				floatVectors[f] = new float[rows.size()][];
			}
		}
		Map<String, Object>[] dynamic = new Map[rows.size()];
		long[] sizes = new long[rows.size()];
		for (int r = 0; r < rows.size(); r++) {
			Map<String, ?> row = rows.get(r);
			if (row == null) {
				throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + r + " is null");
			}
			long size = 16;
			int known = 0;
			for (int f = 0; f < fields.size(); f++) {
				FieldSchema field = fields.get(f);
				Object value = row.get(field.name());
				if (value == null) {
					if (row.containsKey(field.name()) && !field.isNullable()) {
						throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + r
								+ " has null for field '" + field.name() + "', which is not nullable");
					}
					if (!field.isNullable() && field.defaultValue() == null) {
						throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + r
								+ " has no value for field '" + field.name() + "' (" + field.dataType()
								+ "); rows need every field that is not nullable and has no default");
					}
				}
				else {
					known++;
					if (field.dataType() == DataType.FLOAT_VECTOR) {
						floatVectors[f][r] = checkFloatVector(verb, collection, field, value, r);
					}
					size += estimateSize(field, value);
				}
			}
			if (known < row.size()) {
				Map<String, Object> extra = null;
				for (Map.Entry<String, ?> entry : row.entrySet()) {
					String key = entry.getKey();
					FieldSchema field = schema.field(key);
					if (field != null) {
						if (field.isFunctionOutput() && entry.getValue() != null) {
							throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row "
									+ r + " gives a value for field '" + key + "', which function "
									+ functionName(schema, key) + " fills on the server; leave it out");
						}
						if (field.isPrimaryKey() && field.isAutoId() && !fields.contains(field)) {
							throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row "
									+ r + " gives a value for the primary key '" + key
									+ "', but the collection generates its ids automatically");
						}
						continue;
					}
					if (!schema.isDynamicFieldEnabled()) {
						throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + r
								+ " has field '" + key + "', which the collection does not have (its fields: "
								+ schema.fields().stream().map(FieldSchema::name).toList()
								+ "; the dynamic field is off)");
					}
					if (extra == null) {
						extra = new LinkedHashMap<>();
					}
					extra.put(key, entry.getValue());
				}
				if (extra != null) {
					dynamic[r] = extra;
					size += Json.write(extra, "the dynamic fields of row " + r).length();
				}
			}
			if (size > maxRequestSize * BATCH_FILL) {
				throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + r + " is about "
						+ size + " bytes, more than the request size limit of " + maxRequestSize + " bytes allows");
			}
			sizes[r] = size;
		}
		return new Checked(floatVectors, dynamic, sizes);
	}

	private static String functionName(CollectionSchema schema, String field) {
		dev.milvusboot.client.schema.SchemaFunction function = schema.functionFilling(field);
		return (function != null) ? "'" + function.name() + "' (" + function.type() + ")" : "(is_function_output)";
	}

	private static float[] checkFloatVector(String verb, String collection, FieldSchema field, Object value, int row) {
		if (!(value instanceof float[] vector)) {
			throw ValueConversions.wrongType(value, "a float[] of " + field.dimension() + " values",
					"field '" + field.name() + "' of row " + row + " (" + verb.toLowerCase() + " collection '"
							+ collection + "')");
		}
		if (vector.length != field.dimension()) {
			throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + row
					+ " has a vector of " + vector.length + " values in field '" + field.name() + "', but its dimension is "
					+ field.dimension());
		}
		for (int i = 0; i < vector.length; i++) {
			if (!Float.isFinite(vector[i])) {
				throw new MilvusInvalidArgumentException(verb + " collection '" + collection + "': row " + row
						+ " has " + vector[i] + " at position " + i + " of vector field '" + field.name()
						+ "'; vectors must hold finite numbers");
			}
		}
		return vector;
	}

	private static long estimateSize(FieldSchema field, Object value) {
		return switch (field.dataType()) {
			case FLOAT_VECTOR -> 4L * field.dimension();
			case VARCHAR, JSON -> 8L + ((value instanceof CharSequence text) ? text.length() * 3L : 64);
			case BINARY_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR, INT8_VECTOR ->
				(value instanceof byte[] bytes) ? bytes.length : 4L * field.dimension();
			case SPARSE_FLOAT_VECTOR -> (value instanceof SparseVector sparse) ? 8L * sparse.indices().length : 64;
			case ARRAY -> (value instanceof Collection<?> items) ? 16L * items.size() + 8 : 64;
			default -> 9;
		};
	}

	private static FieldData column(FieldSchema field, List<? extends Map<String, ?>> rows, int from, int to) {
		FieldData.Builder column = FieldData.newBuilder()
			.setFieldName(field.name())
			.setType(SchemaCodec.toProto(field.dataType()));
		boolean nullable = field.isNullable() || field.defaultValue() != null;
		List<Object> values = new ArrayList<>(to - from);
		for (int r = from; r < to; r++) {
			Object value = rows.get(r).get(field.name());
			if (nullable) {
				column.addValidData(value != null);
				if (value == null) {
					continue;
				}
			}
			values.add(value);
		}
		if (field.dataType().isVector()) {
			column.setVectors(vectors(field, values, from));
		}
		else {
			column.setScalars(scalars(field, values, from));
		}
		return column.build();
	}

	private static String where(FieldSchema field, int index, int from) {
		return "field '" + field.name() + "' in row " + (from + index);
	}

	private static ScalarField scalars(FieldSchema field, List<Object> values, int from) {
		ScalarField.Builder scalars = ScalarField.newBuilder();
		DataType type = field.dataType();
		switch (type) {
			case BOOL -> {
				BoolArray.Builder array = BoolArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					array.addData(ValueConversions.toBoolean(values.get(i), where(field, i, from)));
				}
				scalars.setBoolData(array);
			}
			case INT8, INT16, INT32 -> {
				IntArray.Builder array = IntArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					array.addData(ValueConversions.toInt(values.get(i), type, where(field, i, from)));
				}
				scalars.setIntData(array);
			}
			case INT64 -> {
				LongArray.Builder array = LongArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					array.addData(ValueConversions.toLong(values.get(i), where(field, i, from)));
				}
				scalars.setLongData(array);
			}
			case FLOAT -> {
				FloatArray.Builder array = FloatArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					array.addData(ValueConversions.toFloat(values.get(i), where(field, i, from)));
				}
				scalars.setFloatData(array);
			}
			case DOUBLE -> {
				DoubleArray.Builder array = DoubleArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					array.addData(ValueConversions.toDouble(values.get(i), where(field, i, from)));
				}
				scalars.setDoubleData(array);
			}
			case VARCHAR, GEOMETRY, TIMESTAMPTZ -> {
				StringArray.Builder array = StringArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					String text = ValueConversions.toStringValue(values.get(i), where(field, i, from));
					if (type == DataType.VARCHAR && field.maxLength() > 0 && text.length() > field.maxLength()) {
						throw new MilvusInvalidArgumentException("The value of " + where(field, i, from) + " is "
								+ text.length() + " characters long, more than the field's max length of "
								+ field.maxLength());
					}
					array.addData(text);
				}
				if (type == DataType.GEOMETRY) {
					scalars.setGeometryWktData(
							dev.milvusboot.client.internal.proto.GeometryWktArray.newBuilder().addAllData(array.getDataList()));
				}
				else {
					scalars.setStringData(array);
				}
			}
			case JSON -> {
				JSONArray.Builder array = JSONArray.newBuilder();
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					String text = (value instanceof CharSequence chars) ? checkJsonText(chars.toString(), field, i, from)
							: Json.write(value, where(field, i, from));
					array.addData(ByteString.copyFromUtf8(text));
				}
				scalars.setJsonData(array);
			}
			case ARRAY -> {
				ArrayArray.Builder array = ArrayArray.newBuilder()
					.setElementType(SchemaCodec.toProto(field.elementType()));
				FieldSchema element = elementField(field);
				for (int i = 0; i < values.size(); i++) {
					if (!(values.get(i) instanceof Collection<?> items)) {
						throw ValueConversions.wrongType(values.get(i), "a list", where(field, i, from));
					}
					if (items.size() > field.maxCapacity()) {
						throw new MilvusInvalidArgumentException("The value of " + where(field, i, from) + " has "
								+ items.size() + " elements, more than the field's capacity of " + field.maxCapacity());
					}
					array.addData(scalars(element, new ArrayList<>(items), 0));
				}
				scalars.setArrayData(array);
			}
			default -> throw new MilvusInvalidArgumentException(
					"Field '" + field.name() + "' of type " + type + " cannot be written by this client");
		}
		return scalars.build();
	}

	private static FieldSchema elementField(FieldSchema field) {
		FieldSchema.Builder element = FieldSchema.builder(field.name(), field.elementType());
		if (field.elementType() == DataType.VARCHAR) {
			element.maxLength(field.maxLength());
		}
		return element.build();
	}

	private static String checkJsonText(String text, FieldSchema field, int index, int from) {
		try {
			Json.parse(text);
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MilvusInvalidArgumentException(
					"The value of " + where(field, index, from) + " is not valid JSON: " + ex.getMessage());
		}
		return text;
	}

	private static VectorField vectors(FieldSchema field, List<Object> values, int from) {
		VectorField.Builder vectors = VectorField.newBuilder().setDim(field.dimension());
		switch (field.dataType()) {
			case BINARY_VECTOR, INT8_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR -> {
				int width = switch (field.dataType()) {
					case BINARY_VECTOR -> field.dimension() / 8;
					case INT8_VECTOR -> field.dimension();
					default -> field.dimension() * 2;
				};
				byte[] packed = new byte[width * values.size()];
				for (int i = 0; i < values.size(); i++) {
					byte[] vector = packedVector(field, values.get(i), where(field, i, from));
					if (vector.length != width) {
						throw new MilvusInvalidArgumentException("The " + field.dataType() + " value of "
								+ where(field, i, from) + " has " + vector.length + " bytes, but dimension "
								+ field.dimension() + " needs " + width);
					}
					System.arraycopy(vector, 0, packed, i * width, width);
				}
				ByteString bytes = UnsafeByteOperations.unsafeWrap(packed);
				switch (field.dataType()) {
					case BINARY_VECTOR -> vectors.setBinaryVector(bytes);
					case INT8_VECTOR -> vectors.setInt8Vector(bytes);
					case FLOAT16_VECTOR -> vectors.setFloat16Vector(bytes);
					default -> vectors.setBfloat16Vector(bytes);
				}
			}
			case SPARSE_FLOAT_VECTOR -> {
				SparseFloatArray.Builder sparse = SparseFloatArray.newBuilder();
				long dim = 0;
				for (int i = 0; i < values.size(); i++) {
					if (!(values.get(i) instanceof SparseVector vector)) {
						throw ValueConversions.wrongType(values.get(i), "a SparseVector", where(field, i, from));
					}
					sparse.addContents(sparseBytes(vector));
					dim = Math.max(dim, vector.indices().length);
				}
				sparse.setDim(dim);
				vectors.setDim(dim).setSparseFloatVector(sparse);
			}
			default -> throw new MilvusInvalidArgumentException(
					"Field '" + field.name() + "' of type " + field.dataType() + " cannot be written by this client");
		}
		return vectors.build();
	}

	/** The packed bytes of a binary, int8, float16 or bfloat16 vector; float16/bfloat16 may be given as floats. */
	private static byte[] packedVector(FieldSchema field, Object value, String where) {
		if (value instanceof byte[] bytes) {
			return bytes;
		}
		if (value instanceof float[] floats
				&& (field.dataType() == DataType.FLOAT16_VECTOR || field.dataType() == DataType.BFLOAT16_VECTOR)) {
			return HalfFloats.encode(floats, field.dataType() == DataType.BFLOAT16_VECTOR, where);
		}
		throw ValueConversions.wrongType(value, "a byte[]" + ((field.dataType() == DataType.FLOAT16_VECTOR
				|| field.dataType() == DataType.BFLOAT16_VECTOR) ? " or float[]" : ""), where);
	}

	/** A sparse vector on the wire: (uint32 index, float32 value) pairs, little-endian. */
	public static ByteString sparseBytes(SparseVector vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.indices().length * 8).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < vector.indices().length; i++) {
			buffer.putInt(vector.indices()[i]).putFloat(vector.values()[i]);
		}
		return UnsafeByteOperations.unsafeWrap(buffer.array());
	}

}
