package dev.milvusboot.core.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.milvusboot.client.schema.IndexType;

/**
 * The build parameters of a dense vector index: those of {@link MilvusVector#indexParams()}, completed with the
 * usual defaults of the index types that need parameters (HNSW: {@code M=16}, {@code efConstruction=200}; IVF_FLAT,
 * IVF_SQ8, IVF_PQ: {@code nlist=128}; IVF_PQ's {@code m} depends on the dimension and is never defaulted).
 */
final class VectorIndexDefaults {

	private VectorIndexDefaults() {
	}

	/**
	 * The parameters of an index.
	 * @param type the index type
	 * @param pairs the annotation's {@code name=value} pairs
	 * @param member the member, for messages
	 * @return the parameters, in the order given, then the defaults
	 * @throws MappingException for a pair without {@code =} or with an empty name, or a name given twice
	 */
	static Map<String, Object> params(IndexType type, String[] pairs, String member) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			if (equals <= 0) {
				throw new MappingException("The index parameter '" + pair + "' of the " + member
						+ " is not of the form name=value");
			}
			String name = pair.substring(0, equals).trim();
			String value = pair.substring(equals + 1).trim();
			if (params.put(name, number(value)) != null) {
				throw new MappingException("The index parameter '" + name + "' of the " + member + " is given twice");
			}
		}
		switch (type) {
			case HNSW, HNSW_SQ -> {
				params.putIfAbsent("M", 16);
				params.putIfAbsent("efConstruction", 200);
			}
			case IVF_FLAT, IVF_SQ8, IVF_PQ -> params.putIfAbsent("nlist", 128);
			default -> {
			}
		}
		return params;
	}

	private static Object number(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

}
