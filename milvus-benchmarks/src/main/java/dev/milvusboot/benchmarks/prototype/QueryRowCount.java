package dev.milvusboot.benchmarks.prototype;

import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.VectorField;

/** The number of rows of a returned column, as {@code QueryResultDecoder.rowCount} counts them. */
final class QueryRowCount {

	private QueryRowCount() {
	}

	static int of(FieldData field) {
		if (field.getValidDataCount() > 0) {
			return field.getValidDataCount();
		}
		if (field.hasVectors()) {
			VectorField v = field.getVectors();
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
		ScalarField s = field.getScalars();
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

}
