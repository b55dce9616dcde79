package dev.milvusboot.client.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.FloatArray;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.VectorField;

/**
 * Reads the values of one returned column ({@code FieldData}) row by row, straight from the protobuf arrays: no
 * boxing of vector elements, and nothing decoded until asked for. Handles nullable columns in both the full and the
 * compact layout. Internal API.
 */
public final class ColumnReader {

	private final FieldData data;

	private final String name;

	private final boolean dynamic;

	/** For nullable columns: the index of each row's value in the data array, or -1 for null. */
	private final int[] valueIndex;

	private final int dim;

	public ColumnReader(FieldData data) {
		this.data = data;
		this.name = data.getFieldName();
		this.dynamic = data.getIsDynamic() || SchemaCodec.DYNAMIC_FIELD.equals(this.name);
		this.valueIndex = (data.getValidDataCount() > 0) ? valueIndex(data) : null;
		this.dim = data.hasVectors() ? (int) data.getVectors().getDim() : 0;
	}

	private static int[] valueIndex(FieldData data) {
		int rows = data.getValidDataCount();
		boolean full = valueCount(data) >= rows;
		int[] index = new int[rows];
		int next = 0;
		for (int i = 0; i < rows; i++) {
			index[i] = data.getValidData(i) ? (full ? i : next++) : -1;
		}
		return index;
	}

	private static int valueCount(FieldData data) {
		return data.hasScalars() ? scalarCount(data.getScalars()) : Integer.MAX_VALUE;
	}

	/** The number of values a scalar column (or an array element) holds. */
	static int scalarCount(ScalarField s) {
		return switch (s.getDataCase()) {
			case BOOL_DATA -> s.getBoolData().getDataCount();
			case INT_DATA -> s.getIntData().getDataCount();
			case LONG_DATA -> s.getLongData().getDataCount();
			case FLOAT_DATA -> s.getFloatData().getDataCount();
			case DOUBLE_DATA -> s.getDoubleData().getDataCount();
			case STRING_DATA -> s.getStringData().getDataCount();
			case JSON_DATA -> s.getJsonData().getDataCount();
			case ARRAY_DATA -> s.getArrayData().getDataCount();
			case BYTES_DATA -> s.getBytesData().getDataCount();
			case GEOMETRY_WKT_DATA -> s.getGeometryWktData().getDataCount();
			case TIMESTAMPTZ_DATA -> s.getTimestamptzData().getDataCount();
			default -> 0;
		};
	}

	/** The field name. */
	public String name() {
		return this.name;
	}

	/** Whether this is the dynamic field, whose JSON object holds the keys that are not fields. */
	public boolean isDynamic() {
		return this.dynamic;
	}

	/** The value of row {@code row}, decoded (vectors as {@code float[]}, JSON as text). */
	public Object value(int row) {
		int i = row;
		if (this.valueIndex != null) {
			i = this.valueIndex[row];
			if (i < 0) {
				return null;
			}
		}
		if (this.data.hasVectors()) {
			return vector(this.data.getVectors(), i);
		}
		return scalar(this.data.getScalars(), i);
	}

	/** The dynamic field's keys and values at row {@code row}. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> dynamicValues(int row) {
		Object value = value(row);
		if (value == null) {
			return Collections.emptyMap();
		}
		Object parsed = Json.parse((String) value);
		return (parsed instanceof Map<?, ?> map) ? (Map<String, Object>) map : Collections.emptyMap();
	}

	/** A long value read without boxing; for int64 columns. */
	public long longValue(int row) {
		return this.data.getScalars().getLongData().getData(row);
	}

	private Object vector(VectorField vectors, int i) {
		return switch (vectors.getDataCase()) {
			case FLOAT_VECTOR -> floats(vectors.getFloatVector(), i * this.dim, this.dim);
			case BINARY_VECTOR -> slice(vectors.getBinaryVector(), i, this.dim / 8);
			case FLOAT16_VECTOR -> slice(vectors.getFloat16Vector(), i, this.dim * 2);
			case BFLOAT16_VECTOR -> slice(vectors.getBfloat16Vector(), i, this.dim * 2);
			case INT8_VECTOR -> slice(vectors.getInt8Vector(), i, this.dim);
			case SPARSE_FLOAT_VECTOR -> sparse(vectors.getSparseFloatVector().getContents(i));
			default -> null;
		};
	}

	private static float[] floats(FloatArray array, int from, int length) {
		float[] vector = new float[length];
		for (int j = 0; j < length; j++) {
			vector[j] = array.getData(from + j);
		}
		return vector;
	}

	private static byte[] slice(ByteString bytes, int row, int width) {
		return bytes.substring(row * width, (row + 1) * width).toByteArray();
	}

	static SparseVector sparse(ByteString content) {
		ByteBuffer buffer = content.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
		int entries = buffer.remaining() / 8;
		int[] indices = new int[entries];
		float[] values = new float[entries];
		for (int j = 0; j < entries; j++) {
			indices[j] = buffer.getInt();
			values[j] = buffer.getFloat();
		}
		return new SparseVector(indices, values);
	}

	private static Object scalar(ScalarField s, int i) {
		return switch (s.getDataCase()) {
			case BOOL_DATA -> s.getBoolData().getData(i);
			case INT_DATA -> s.getIntData().getData(i);
			case LONG_DATA -> s.getLongData().getData(i);
			case FLOAT_DATA -> s.getFloatData().getData(i);
			case DOUBLE_DATA -> s.getDoubleData().getData(i);
			case STRING_DATA -> s.getStringData().getData(i);
			case JSON_DATA -> s.getJsonData().getData(i).toStringUtf8();
			case BYTES_DATA -> s.getBytesData().getData(i).toByteArray();
			case ARRAY_DATA -> list(s.getArrayData().getData(i));
			case GEOMETRY_WKT_DATA -> s.getGeometryWktData().getData(i);
			case TIMESTAMPTZ_DATA -> s.getTimestamptzData().getData(i);
			default -> null;
		};
	}

	private static List<Object> list(ScalarField element) {
		int count = scalarCount(element);
		List<Object> values = new ArrayList<>(count);
		for (int j = 0; j < count; j++) {
			values.add(scalar(element, j));
		}
		return values;
	}

}
