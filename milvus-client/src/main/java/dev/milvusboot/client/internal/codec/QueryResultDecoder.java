package dev.milvusboot.client.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.internal.proto.FieldData;

/**
 * Turns the columns of a query response into rows; keys of the dynamic field become keys of the row. Internal API.
 */
public final class QueryResultDecoder {

	private QueryResultDecoder() {
	}

	public static List<Row> decode(List<FieldData> columnsData, List<String> requestedFields) {
		List<ColumnReader> columns = new ArrayList<>(columnsData.size());
		int rows = 0;
		for (FieldData field : columnsData) {
			ColumnReader column = new ColumnReader(field);
			columns.add(column);
			rows = Math.max(rows, rowCount(field));
		}
		boolean allDynamic = requestedFields.isEmpty() || requestedFields.contains("*");
		List<Row> result = new ArrayList<>(rows);
		for (int row = 0; row < rows; row++) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (ColumnReader column : columns) {
				if (column.isDynamic()) {
					column.dynamicValues(row).forEach((key, value) -> {
						if (allDynamic || requestedFields.contains(key)) {
							values.putIfAbsent(key, value);
						}
					});
					continue;
				}
				values.put(column.name(), column.value(row));
			}
			result.add(Row.of(values));
		}
		return result;
	}

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
		var s = field.getScalars();
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
