package dev.milvusboot.client.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.data.rank.FunctionRanker;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/** The checks searches, sub-searches and hybrid searches share, each naming what is wrong. */
final class SearchChecks {

	private SearchChecks() {
	}

	/** Exactly one kind of query (vectors, texts or primary keys), none of them null, vectors finite. */
	static void queries(String what, List<Object> vectors, List<String> texts, List<Object> ids) {
		int kinds = (vectors.isEmpty() ? 0 : 1) + (texts.isEmpty() ? 0 : 1) + (ids.isEmpty() ? 0 : 1);
		if (kinds == 0) {
			throw new MilvusInvalidArgumentException(
					what + " needs at least one query vector, query text or primary key");
		}
		if (kinds > 1) {
			throw new MilvusInvalidArgumentException(
					what + " takes query vectors, query texts or primary keys, but not several of them");
		}
		for (int i = 0; i < vectors.size(); i++) {
			Object vector = vectors.get(i);
			if (vector == null) {
				throw new MilvusInvalidArgumentException(what + ": query vector " + i + " is null");
			}
			if (vector instanceof float[] floats) {
				finite(what, floats, i);
			}
		}
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i) == null) {
				throw new MilvusInvalidArgumentException(what + ": query text " + i + " is null");
			}
		}
		for (int i = 0; i < ids.size(); i++) {
			if (ids.get(i) == null) {
				throw new MilvusInvalidArgumentException(what + ": primary key " + i + " is null");
			}
		}
	}

	private static void finite(String what, float[] vector, int index) {
		for (int j = 0; j < vector.length; j++) {
			if (!Float.isFinite(vector[j])) {
				throw new MilvusInvalidArgumentException(what + ": query vector " + index + " has " + vector[j]
						+ " at position " + j + "; vectors must hold finite numbers");
			}
		}
	}

	/** Group size and strictness only with a group-by field; a group size of at least 1. */
	static void grouping(String what, String groupBy, int groupSize, Boolean strict) {
		if (groupBy != null) {
			Names.requireValid(groupBy, "group-by field name");
		}
		if (groupSize < 0 || groupSize > Limits.MAX_TOP_K) {
			throw new MilvusInvalidArgumentException(
					what + ": groupSize must be between 1 and " + Limits.MAX_TOP_K + ", but was " + groupSize);
		}
		if (groupBy == null && (groupSize != 0 || strict != null)) {
			throw new MilvusInvalidArgumentException(
					what + ": groupSize and strictGroupSize need a groupBy field");
		}
	}

	/** No null ranker, no two with one name. */
	static void rankers(String what, List<FunctionRanker> rankers) {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < rankers.size(); i++) {
			FunctionRanker ranker = rankers.get(i);
			if (ranker == null) {
				throw new MilvusInvalidArgumentException(what + ": ranker " + i + " is null");
			}
			if (!names.add(ranker.name())) {
				throw new MilvusInvalidArgumentException(
						what + ": two rankers are named '" + ranker.name() + "'; give each its own name");
			}
		}
	}

	/** Top-k in 1 to 16384 and offset + top-k at most 16384. */
	static void window(String what, int topK, int offset) {
		if (topK < 1 || topK > Limits.MAX_TOP_K) {
			throw new MilvusInvalidArgumentException(
					what + ": topK must be between 1 and " + Limits.MAX_TOP_K + ", but was " + topK);
		}
		if (offset < 0 || offset + topK > Limits.MAX_TOP_K) {
			throw new MilvusInvalidArgumentException(what + ": offset must be at least 0 and offset + topK at most "
					+ Limits.MAX_TOP_K + ", but offset was " + offset);
		}
	}

}
