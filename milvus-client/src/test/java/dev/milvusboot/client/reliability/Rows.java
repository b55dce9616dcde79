package dev.milvusboot.client.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * Rows of the quick schema with ids chosen by the test, and counting which of them a server holds.
 */
final class Rows {

	static final int DIMENSION = 8;

	private static final int IDS_PER_QUERY = 1000;

	private Rows() {
	}

	/** {@code count} rows with ids from {@code firstId} on and vectors derived from their ids. */
	static List<Map<String, ?>> withIds(long firstId, int count) {
		List<Map<String, ?>> rows = new ArrayList<>(count);
		for (long id = firstId; id < firstId + count; id++) {
			rows.add(Map.of("id", id, "vector", vector(id)));
		}
		return rows;
	}

	/** Rows without ids, for collections with automatic ids. */
	static List<Map<String, ?>> withoutIds(int count, long seed) {
		List<Map<String, ?>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			rows.add(Map.of("vector", vector(seed + i)));
		}
		return rows;
	}

	/** A vector that is a function of an id, so that a search for it finds that id first. */
	static float[] vector(long id) {
		float[] vector = new float[DIMENSION];
		for (int d = 0; d < DIMENSION; d++) {
			vector[d] = (float) Math.sin(id * 0.37 + d * 1.3);
		}
		return vector;
	}

	/**
	 * The ids among {@code ids} that the collection holds, asked by id with strong consistency.
	 * @return the ids found (each once, however many rows carry it)
	 */
	static Set<Long> present(MilvusClient client, String collection, List<Long> ids) {
		Set<Long> found = new HashSet<>();
		for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
			List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
			String filter = chunk.stream().map(String::valueOf).collect(Collectors.joining(",", "id in [", "]"));
			for (Row row : client.query(Query.in(collection)
				.filter(filter)
				.outputFields("id")
				.consistency(ConsistencyLevel.STRONG)
				.build())) {
				found.add(row.getLong("id"));
			}
		}
		return found;
	}

}
