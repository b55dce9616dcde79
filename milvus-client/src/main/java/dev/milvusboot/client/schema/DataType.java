package dev.milvusboot.client.schema;

/**
 * The types of Milvus fields.
 */
public enum DataType {

	BOOL, INT8, INT16, INT32, INT64, FLOAT, DOUBLE, VARCHAR, ARRAY, JSON, GEOMETRY, TIMESTAMPTZ,
	BINARY_VECTOR, FLOAT_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR, SPARSE_FLOAT_VECTOR, INT8_VECTOR;

	/** Whether this is a vector type. */
	public boolean isVector() {
		return switch (this) {
			case BINARY_VECTOR, FLOAT_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR, SPARSE_FLOAT_VECTOR, INT8_VECTOR -> true;
			default -> false;
		};
	}

	/** Whether fields of this type need a dimension. */
	public boolean needsDimension() {
		return isVector() && this != SPARSE_FLOAT_VECTOR;
	}

}
