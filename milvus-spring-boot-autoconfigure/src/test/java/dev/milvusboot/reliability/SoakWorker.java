package dev.milvusboot.reliability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.reliability.Latencies.Operation;

/**
 * One soak thread: inserts, upserts, searches, queries and deletes through a {@link MilvusTemplate} on ids of its
 * own, so that it knows exactly which of its rows must exist. Its queries ask for some of its live rows and one it
 * deleted, and must get exactly the live ones back.
 */
final class SoakWorker implements Runnable {

	static final int DIMENSION = 16;

	private static final int INSERT_ROWS = 10;

	private static final int UPSERT_ROWS = 5;

	private static final int DELETE_ROWS = 5;

	private static final int TOP_K = 10;

	private final MilvusTemplate template;

	private final String collection;

	private final BooleanSupplier running;

	private final Random random;

	private final Latencies latencies = new Latencies();

	private final List<Long> live = new ArrayList<>();

	private final List<Long> deleted = new ArrayList<>();

	private final List<Throwable> errors = new ArrayList<>();

	private long nextId;

	private long written;

	SoakWorker(MilvusTemplate template, String collection, int index, BooleanSupplier running) {
		this.template = template;
		this.collection = collection;
		this.running = running;
		this.random = new Random(index);
		this.nextId = (index + 1) * 1_000_000_000L;
	}

	@Override
	public void run() {
		while (this.running.getAsBoolean()) {
			int dice = this.random.nextInt(100);
			Operation operation = (dice < 25 || this.live.size() < DELETE_ROWS) ? Operation.INSERT
					: (dice < 40) ? Operation.UPSERT : (dice < 65) ? Operation.SEARCH
							: (dice < 85) ? Operation.QUERY : Operation.DELETE;
			long start = System.nanoTime();
			try {
				run(operation);
			}
			catch (Throwable ex) {
				synchronized (this.errors) {
					this.errors.add(ex);
				}
			}
			this.latencies.record(operation, System.nanoTime() - start);
		}
	}

	private void run(Operation operation) {
		switch (operation) {
			case INSERT -> {
				List<Map<String, ?>> rows = new ArrayList<>();
				for (int i = 0; i < INSERT_ROWS; i++) {
					rows.add(row(this.nextId++));
				}
				check(this.template.insert(this.collection, rows).insertCount() == INSERT_ROWS, "insert count");
				rows.forEach((row) -> this.live.add((Long) row.get("id")));
				this.written += INSERT_ROWS;
			}
			case UPSERT -> {
				List<Map<String, ?>> rows = new ArrayList<>();
				Set<Long> ids = new HashSet<>();
				while (ids.size() < UPSERT_ROWS - 1) {
					ids.add(this.live.get(this.random.nextInt(this.live.size())));
				}
				ids.forEach((id) -> rows.add(row(id)));
				long added = this.nextId++;
				rows.add(row(added));
				check(this.template.upsert(this.collection, rows).upsertCount() == UPSERT_ROWS, "upsert count");
				this.live.add(added);
				this.written++;
			}
			case SEARCH -> {
				List<Hit> hits = this.template
					.search(Search.in(this.collection).vector(vector(this.random.nextLong())).topK(TOP_K).build())
					.first();
				check(hits.size() <= TOP_K, "search returned " + hits.size() + " hits");
			}
			case QUERY -> {
				Set<Long> expected = new HashSet<>();
				while (expected.size() < Math.min(5, this.live.size())) {
					expected.add(this.live.get(this.random.nextInt(this.live.size())));
				}
				Set<Long> asked = new HashSet<>(expected);
				if (!this.deleted.isEmpty()) {
					asked.add(this.deleted.get(this.random.nextInt(this.deleted.size())));
				}
				Set<Long> found = this.template
					.query(Query.in(this.collection).filter(inFilter(asked)).outputFields("id").build())
					.stream()
					.map((row) -> row.getLong("id"))
					.collect(Collectors.toSet());
				check(found.equals(expected), "query of " + asked + " found " + found + ", expected " + expected);
			}
			case DELETE -> {
				List<Long> ids = new ArrayList<>();
				for (int i = 0; i < DELETE_ROWS; i++) {
					int index = this.random.nextInt(this.live.size());
					ids.add(this.live.get(index));
					this.live.set(index, this.live.get(this.live.size() - 1));
					this.live.remove(this.live.size() - 1);
				}
				this.template.delete(this.collection, ids);
				this.deleted.addAll(ids);
			}
		}
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new AssertionError("Unexpected answer: " + what);
		}
	}

	static String inFilter(Iterable<Long> ids) {
		StringBuilder filter = new StringBuilder("id in [");
		for (Long id : ids) {
			filter.append((filter.length() > 7) ? "," : "").append(id);
		}
		return filter.append(']').toString();
	}

	private Map<String, ?> row(long id) {
		return Map.of("id", id, "vector", vector(id));
	}

	static float[] vector(long seed) {
		Random values = new Random(seed);
		float[] vector = new float[DIMENSION];
		for (int d = 0; d < DIMENSION; d++) {
			vector[d] = values.nextFloat();
		}
		return vector;
	}

	Latencies latencies() {
		return this.latencies;
	}

	List<Long> live() {
		return this.live;
	}

	List<Long> deleted() {
		return this.deleted;
	}

	/** Rows written (inserted, or upserted under a new id). */
	long written() {
		return this.written;
	}

	List<Throwable> errors() {
		synchronized (this.errors) {
			return List.copyOf(this.errors);
		}
	}

}
