package dev.milvusboot.benchmarks.paths;

import java.time.Duration;

import com.google.gson.JsonObject;

/**
 * One side of a comparison, in a worker JVM of its own ({@link PathsWorkerMain}): timed calls of a kind, and
 * other commands (set-up, checks, bursts) answered with JSON.
 */
interface PathsDriver extends AutoCloseable {

	/**
	 * The connect timeout of every client (default 10 s on each side): workers start while the server and the
	 * other workers are busy, and a connect is not what is measured.
	 */
	Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * One timed call.
	 * @param kind what to call, e.g. {@code text} or {@code hybrid}
	 * @param query the query's index (modulo the queries there are)
	 */
	void call(String kind, int query) throws Exception;

	/**
	 * Any other command.
	 * @param op the command, e.g. {@code check} or {@code add}
	 * @param command the whole command
	 * @return the answer
	 */
	JsonObject command(String op, JsonObject command) throws Exception;

	@Override
	void close();

}
