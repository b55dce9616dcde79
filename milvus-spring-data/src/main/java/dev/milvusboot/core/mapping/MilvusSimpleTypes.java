package dev.milvusboot.core.mapping;

import java.util.Set;

import dev.milvusboot.client.data.SparseVector;

import org.springframework.data.mapping.model.SimpleTypeHolder;

/**
 * The Java types Milvus stores as they are: the scalar types of its fields (numbers, booleans, strings), dense
 * vectors as {@code float[]} and sparse vectors. Everything else is converted to one of them (enums, dates, custom
 * converters), written as JSON (maps, nested objects) or as an ARRAY (collections).
 */
public final class MilvusSimpleTypes {

	private static final Set<Class<?>> TYPES = Set.of(Long.class, long.class, Integer.class, int.class, Short.class,
			short.class, Byte.class, byte.class, Boolean.class, boolean.class, Float.class, float.class, Double.class,
			double.class, String.class, float[].class, SparseVector.class);

	/** The holder of Milvus' store types, without Spring Data's defaults. */
	public static final SimpleTypeHolder HOLDER = new SimpleTypeHolder(TYPES, false);

	private MilvusSimpleTypes() {
	}

	/** Whether Milvus stores values of this type as they are. */
	static boolean isStoreType(Class<?> type) {
		return TYPES.contains(type);
	}

}
