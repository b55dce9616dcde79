package dev.milvusboot.client.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.internal.proto.BoolArray;
import dev.milvusboot.client.internal.proto.DoubleArray;
import dev.milvusboot.client.internal.proto.JSONArray;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.StringArray;
import dev.milvusboot.client.internal.proto.TemplateArrayValue;
import dev.milvusboot.client.internal.proto.TemplateArrayValueArray;
import dev.milvusboot.client.internal.proto.TemplateValue;

/**
 * A {@link Filter}'s parameters as Milvus filter-template values ({@code expr_template_values}), typed as pymilvus
 * types them: a list whose elements share one type becomes an array of that type, a list of lists an array of
 * arrays, any other list an array of JSON values. Internal API.
 */
public final class FilterTemplateValues {

	private FilterTemplateValues() {
	}

	/**
	 * The template values of a filter.
	 * @param filter the filter
	 * @return the values by parameter name, empty for a filter without parameters
	 */
	public static Map<String, TemplateValue> of(Filter filter) {
		Map<String, TemplateValue> values = new LinkedHashMap<>();
		filter.params().forEach((name, value) -> values.put(name, value(value)));
		return values;
	}

	private static TemplateValue value(Object value) {
		TemplateValue.Builder wire = TemplateValue.newBuilder();
		if (value instanceof Boolean bool) {
			wire.setBoolVal(bool);
		}
		else if (value instanceof Long number) {
			wire.setInt64Val(number);
		}
		else if (value instanceof Double number) {
			wire.setFloatVal(number);
		}
		else if (value instanceof String text) {
			wire.setStringVal(text);
		}
		else {
			wire.setArrayVal(array((List<?>) value));
		}
		return wire.build();
	}

	private static TemplateArrayValue array(List<?> list) {
		TemplateArrayValue.Builder array = TemplateArrayValue.newBuilder();
		if (list.isEmpty()) {
			return array.build();
		}
		Class<?> type = kind(list.get(0));
		boolean sameType = list.stream().allMatch((element) -> kind(element) == type);
		if (!sameType) {
			JSONArray.Builder json = JSONArray.newBuilder();
			list.forEach((element) -> json.addData(
					ByteString.copyFrom(Json.write(element, "a filter parameter").getBytes(StandardCharsets.UTF_8))));
			return array.setJsonData(json).build();
		}
		if (type == Boolean.class) {
			return array.setBoolData(BoolArray.newBuilder().addAllData(cast(list))).build();
		}
		if (type == Long.class) {
			return array.setLongData(LongArray.newBuilder().addAllData(cast(list))).build();
		}
		if (type == Double.class) {
			return array.setDoubleData(DoubleArray.newBuilder().addAllData(cast(list))).build();
		}
		if (type == String.class) {
			return array.setStringData(StringArray.newBuilder().addAllData(cast(list))).build();
		}
		TemplateArrayValueArray.Builder arrays = TemplateArrayValueArray.newBuilder();
		list.forEach((element) -> arrays.addData(array((List<?>) element)));
		return array.setArrayData(arrays).build();
	}

	private static Class<?> kind(Object element) {
		return (element instanceof List) ? List.class : element.getClass();
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> cast(List<?> list) {
		return (List<T>) list;
	}

}
