package dev.milvusboot.client.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.grpc.MethodDescriptor.Marshaller;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.FloatArray;
import dev.milvusboot.client.internal.proto.QueryResults;
import dev.milvusboot.client.internal.proto.VectorField;

/**
 * A query response read from the wire with its float vectors decoded straight into one {@code float[]} per row:
 * protobuf's own parser would first grow a {@code FloatArrayList} for the whole column (about four times the
 * payload in garbage, one call per float) before our decoder copies each row out again. Every other field is
 * parsed by the generated code, so the message is complete except for the float vector data, which
 * {@link #floatRows(int)} holds instead. Internal API.
 */
public final class QueryResponse {

	private static final Marshaller<QueryResponse> MARSHALLER = new ReceivedOnly<>("Query results",
			QueryResponse::read);

	private static final int QUERY_RESULTS_FIELDS_DATA = 2;

	private static final int FIELD_DATA_VECTORS = 4;

	private static final int VECTOR_FIELD_DIM = 1;

	private static final int VECTOR_FIELD_FLOAT_VECTOR = 2;

	private static final int FLOAT_ARRAY_DATA = 1;

	private final QueryResults message;

	private final float[][][] floatRows;

	private QueryResponse(QueryResults message, float[][][] floatRows) {
		this.message = message;
		this.floatRows = floatRows;
	}

	/** The response without float vector data (status, columns, output fields). */
	public QueryResults message() {
		return this.message;
	}

	/** The rows of float vector column {@code column} (index in {@code fields_data}), or {@code null}. */
	public float[][] floatRows(int column) {
		return this.floatRows[column];
	}

	/** The gRPC marshaller of query responses read this way. */
	public static Marshaller<QueryResponse> marshaller() {
		return MARSHALLER;
	}

	/** Reads a serialized {@code QueryResults}. */
	public static QueryResponse read(InputStream stream) throws IOException {
		WireReader in = new WireReader(stream);
		QueryResults.Builder message = QueryResults.newBuilder();
		List<float[][]> floatRows = new ArrayList<>();
		int tag;
		while ((tag = in.readTag()) != 0) {
			if (tag == tag(QUERY_RESULTS_FIELDS_DATA, WireReader.LENGTH_DELIMITED)) {
				int length = in.readLength();
				float[][][] rows = new float[1][][];
				message.addFieldsData(readFieldData(in, in.position() + length, rows));
				floatRows.add(rows[0]);
			}
			else {
				message.mergeFrom(in.readField(tag));
			}
		}
		return new QueryResponse(message.build(), floatRows.toArray(new float[0][][]));
	}

	private static FieldData readFieldData(WireReader in, long end, float[][][] rows) throws IOException {
		FieldData.Builder field = FieldData.newBuilder();
		while (in.position() < end) {
			int tag = in.readTag();
			if (tag == tag(FIELD_DATA_VECTORS, WireReader.LENGTH_DELIMITED)) {
				int length = in.readLength();
				field.setVectors(readVectorField(in, in.position() + length, rows));
			}
			else {
				field.mergeFrom(in.readField(tag));
			}
		}
		return field.build();
	}

	private static VectorField readVectorField(WireReader in, long end, float[][][] rows) throws IOException {
		VectorField.Builder vectors = VectorField.newBuilder();
		int dim = 0;
		FloatRows floats = null;
		while (in.position() < end) {
			int tag = in.readTag();
			if (tag == tag(VECTOR_FIELD_DIM, WireReader.VARINT)) {
				dim = (int) in.readVarint();
				vectors.setDim(dim);
			}
			else if (tag == tag(VECTOR_FIELD_FLOAT_VECTOR, WireReader.LENGTH_DELIMITED)) {
				int length = in.readLength();
				if (floats == null) {
					floats = new FloatRows(dim, length / 4);
				}
				floats.read(in, in.position() + length);
				vectors.setFloatVector(FloatArray.getDefaultInstance());
			}
			else {
				vectors.mergeFrom(in.readField(tag));
			}
		}
		if (floats != null) {
			rows[0] = floats.rows(dim);
		}
		return vectors.build();
	}

	/** Float vector data, cut into rows as it arrives (or at the end, if the dimension came after the data). */
	private static final class FloatRows {

		private final int dim;

		private final List<float[]> rows;

		private float[] current;

		private int filled;

		FloatRows(int dim, int expectedFloats) {
			this.dim = (dim > 0) ? dim : Math.max(expectedFloats, 1);
			this.rows = new ArrayList<>(expectedFloats / this.dim + 1);
			this.current = new float[this.dim];
		}

		void read(WireReader in, long end) throws IOException {
			while (in.position() < end) {
				int tag = in.readTag();
				if (tag == tag(FLOAT_ARRAY_DATA, WireReader.LENGTH_DELIMITED)) {
					add(in, in.readLength() / 4);
				}
				else if (tag == tag(FLOAT_ARRAY_DATA, WireReader.FIXED32)) {
					add(in, 1);
				}
				else {
					in.readField(tag);
				}
			}
		}

		private void add(WireReader in, int count) throws IOException {
			while (count > 0) {
				int n = Math.min(count, this.dim - this.filled);
				in.readFloats(this.current, this.filled, n);
				this.filled += n;
				count -= n;
				if (this.filled == this.dim) {
					this.rows.add(this.current);
					this.current = new float[this.dim];
					this.filled = 0;
				}
			}
		}

		float[][] rows(int actualDim) throws IOException {
			if (actualDim == this.dim) {
				if (this.filled != 0) {
					throw new IOException("Float vector data is not a whole number of rows of " + actualDim);
				}
				return this.rows.toArray(new float[0][]);
			}
			if (actualDim <= 0) {
				throw new IOException("Float vector column without a dimension");
			}
			// The dimension came after the data: re-cut the flat values.
			float[] flat = new float[this.rows.size() * this.dim + this.filled];
			for (int i = 0; i < this.rows.size(); i++) {
				System.arraycopy(this.rows.get(i), 0, flat, i * this.dim, this.dim);
			}
			System.arraycopy(this.current, 0, flat, this.rows.size() * this.dim, this.filled);
			if (flat.length % actualDim != 0) {
				throw new IOException("Float vector data is not a whole number of rows of " + actualDim);
			}
			float[][] result = new float[flat.length / actualDim][];
			for (int i = 0; i < result.length; i++) {
				result[i] = java.util.Arrays.copyOfRange(flat, i * actualDim, (i + 1) * actualDim);
			}
			return result;
		}

	}

	/**
	 * Rows, keys of the dynamic field merged in; float vectors are the arrays read from the
	 * wire (each row owns its array), not copies out of a protobuf list.
	 */
	public List<Row> rows(List<String> requestedFields) {
		List<FieldData> columnsData = this.message.getFieldsDataList();
		List<ColumnReader> columns = new ArrayList<>(columnsData.size());
		int rows = 0;
		for (int c = 0; c < columnsData.size(); c++) {
			FieldData field = columnsData.get(c);
			columns.add(new ColumnReader(field));
			int count = (this.floatRows[c] != null && field.getValidDataCount() == 0) ? this.floatRows[c].length
					: rowCount(field);
			rows = Math.max(rows, count);
		}
		boolean allDynamic = requestedFields.isEmpty() || requestedFields.contains("*");
		List<Row> result = new ArrayList<>(rows);
		for (int row = 0; row < rows; row++) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (int c = 0; c < columns.size(); c++) {
				ColumnReader column = columns.get(c);
				if (column.isDynamic()) {
					column.dynamicValues(row).forEach((key, value) -> {
						if (allDynamic || requestedFields.contains(key)) {
							values.putIfAbsent(key, value);
						}
					});
					continue;
				}
				float[][] vectors = this.floatRows[c];
				values.put(column.name(), (vectors != null) ? floatRow(columnsData.get(c), vectors, row) : column.value(row));
			}
			result.add(Row.of(values));
		}
		return result;
	}

	private static float[] floatRow(FieldData field, float[][] vectors, int row) {
		if (field.getValidDataCount() == 0) {
			return vectors[row];
		}
		if (!field.getValidData(row)) {
			return null;
		}
		boolean full = vectors.length >= field.getValidDataCount();
		if (full) {
			return vectors[row];
		}
		int index = 0;
		for (int i = 0; i < row; i++) {
			if (field.getValidData(i)) {
				index++;
			}
		}
		return vectors[index];
	}

	/** The number of rows a returned column holds. */
	static int rowCount(FieldData field) {
		if (field.getValidDataCount() > 0) {
			return field.getValidDataCount();
		}
		if (field.hasVectors()) {
			var v = field.getVectors();
			int dim = (int) Math.max(1, v.getDim());
			return switch (v.getDataCase()) {
				case FLOAT_VECTOR -> v.getFloatVector().getDataCount() / dim;
				case BINARY_VECTOR -> v.getBinaryVector().size() / Math.max(1, dim / 8);
				case FLOAT16_VECTOR -> v.getFloat16Vector().size() / (dim * 2);
				case BFLOAT16_VECTOR -> v.getBfloat16Vector().size() / (dim * 2);
				case INT8_VECTOR -> v.getInt8Vector().size() / dim;
				case SPARSE_FLOAT_VECTOR -> v.getSparseFloatVector().getContentsCount();
				default -> 0;
			};
		}
		return ColumnReader.scalarCount(field.getScalars());
	}

	static int tag(int field, int wireType) {
		return (field << 3) | wireType;
	}

}
