package dev.milvusboot.benchmarks.paths;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A framework store as a contender: {@code prepare} (a fresh collection: FLAT index, COSINE), {@code add} (documents
 * {@code first .. first + count - 1} with their pre-computed 768-dim embeddings and two metadata entries, built
 * before the timed call), timed similarity searches (top {@value #TOP_K}; kind {@value #SEARCH} at the store's
 * default consistency, kind {@value #SEARCH_AT_OFFICIAL_CONSISTENCY} at the official store's level: our stores search
 * through a second store on the same collection configured so, an official store as it always does) and
 * {@code check} (the ids found for the first queries). An add answers its wall time, the calling thread's CPU time
 * (documents to rows and the request's encoding) and the JIT's compilation time during the call. Arguments:
 * {@code ROWS COLLECTION}.
 */
abstract class StoreDriver implements PathsDriver {

	static final int TOP_K = 10;

	/** Searches at the store's default consistency. */
	static final String SEARCH = "search";

	/** Searches at the official store's consistency level (Spring AI: Strong, LangChain4j: Eventually). */
	static final String SEARCH_AT_OFFICIAL_CONSISTENCY = "search-official-consistency";

	final String collection;

	final int rows;

	StoreDriver(String[] args) {
		this.rows = Integer.parseInt(args[0]);
		this.collection = args[1];
	}

	/** The id of document {@code i}. */
	static String id(int i) {
		return "doc-" + i;
	}

	/** Creates the store's collection, dropping an earlier one. */
	abstract void prepare() throws Exception;

	/** Builds the documents (not timed) and returns the timed add. */
	abstract Runnable add(int first, int count);

	/** The ids of the top {@value #TOP_K} documents for query {@code q}, searched as {@code kind} says. */
	abstract List<String> search(String kind, int q);

	/** The JIT compilers' total time so far (ms), or 0 where the JVM does not say. */
	private static long compilationMillis() {
		java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
		return (jit != null && jit.isCompilationTimeMonitoringSupported()) ? jit.getTotalCompilationTime() : 0;
	}

	@Override
	public void call(String kind, int query) {
		search(kind, query % PathsData.QUERIES);
	}

	@Override
	public JsonObject command(String op, JsonObject command) throws Exception {
		JsonObject answer = new JsonObject();
		switch (op) {
			case "prepare" -> prepare();
			case "add" -> {
				Runnable add = add(command.get("first").getAsInt(), command.get("count").getAsInt());
				java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
				long compiling = compilationMillis();
				long cpu = threads.getCurrentThreadCpuTime();
				long begin = System.nanoTime();
				add.run();
				answer.addProperty("seconds", (System.nanoTime() - begin) / 1e9);
				answer.addProperty("callerCpuNanos", threads.getCurrentThreadCpuTime() - cpu);
				answer.addProperty("jitMillis", compilationMillis() - compiling);
			}
			case "check" -> {
				JsonArray all = new JsonArray();
				for (int q = 0; q < command.get("queries").getAsInt(); q++) {
					JsonArray ids = new JsonArray();
					search(command.get("kind").getAsString(), q).forEach(ids::add);
					all.add(ids);
				}
				answer.add("ids", all);
			}
			default -> throw new IllegalArgumentException("unknown op " + op);
		}
		return answer;
	}

}
