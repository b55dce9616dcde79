package dev.milvusboot.benchmarks.paths;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.support.MilvusRepositoryFactory;

/**
 * The repository and reactive parts, on one client (our defaults) in one JVM:
 * <ul>
 * <li>{@code window} of kind {@code repository}: {@code findTop10ByEmbeddingNear(float[])} of a
 * {@code MilvusRepository}; of kind {@code client}: the search the repository sends (same field, top 10, output
 * fields), sent through the client, each hit's fields read;</li>
 * <li>{@code burst} with {@code mode} {@code reactive}: {@code searches} concurrent searches through
 * {@code ReactiveMilvusTemplate.search(Search)}, subscribed from 2 event-loop threads (a Reactor parallel
 * scheduler); {@code blocking}: the same searches through the blocking client on a pool of 200 threads. Answers the
 * wall time and the JVM's live threads before and at the peak.</li>
 * </ul>
 * Arguments: {@code ROWS}.
 */
final class SpringDataDriver implements PathsDriver {

	/** The blocking side's pool. */
	static final int BLOCKING_THREADS = 200;

	/** The reactive side's event loops. */
	static final int EVENT_LOOPS = 2;

	private static final int TOP_K = 10;

	private static final String[] FIELDS = { "id", "title", "embedding" };

	private final MilvusClient client;

	private final MilvusTemplate template;

	private final ReactiveMilvusTemplate reactive;

	private final PathsDocumentRepository repository;

	private final int rows;

	private final float[][] queries = PathsData.denseQueries();

	SpringDataDriver(String uri, String[] args) {
		this.rows = Integer.parseInt(args[0]);
		this.client = MilvusClient.create(MilvusClientOptions.builder().uri(uri).connectTimeout(CONNECT_TIMEOUT).build());
		this.template = new MilvusTemplate(this.client);
		this.reactive = new ReactiveMilvusTemplate(this.client);
		this.repository = new MilvusRepositoryFactory(this.template).getRepository(PathsDocumentRepository.class);
	}

	@Override
	public void call(String kind, int query) {
		float[] vector = this.queries[query % this.queries.length];
		switch (kind) {
			case "repository" -> this.repository.findTop10ByEmbeddingNear(vector);
			case "client" -> read(this.client.search(search(vector)).first());
			default -> throw new IllegalArgumentException("unknown kind " + kind);
		}
	}

	private static Search search(float[] vector) {
		return Search.in(PathsDocument.COLLECTION).annsField("embedding").vector(vector).topK(TOP_K)
			.outputFields(FIELDS).build();
	}

	/** Reads every field of every hit, as mapping them to entities would. */
	private static int read(List<Hit> hits) {
		int seen = 0;
		for (Hit hit : hits) {
			for (String field : FIELDS) {
				if (hit.get(field) != null) {
					seen++;
				}
			}
		}
		return seen;
	}

	@Override
	public JsonObject command(String op, JsonObject command) throws Exception {
		return switch (op) {
			case "prepare" -> prepare();
			case "check" -> check(command.get("queries").getAsInt());
			case "burst" -> burst(command.get("mode").getAsString(), command.get("searches").getAsInt(),
					command.get("offset").getAsInt());
			default -> throw new IllegalArgumentException("unknown op " + op);
		};
	}

	/** (Re)creates the entity's collection (AUTOINDEX, loaded) and saves {@code rows} documents. */
	private JsonObject prepare() {
		if (this.template.hasCollection(PathsDocument.class)) {
			this.template.dropCollection(PathsDocument.class);
		}
		this.template.createCollection(PathsDocument.class);
		float[][] vectors = PathsData.documentVectors(this.rows);
		List<PathsDocument> batch = new ArrayList<>();
		for (int i = 0; i < this.rows; i++) {
			batch.add(new PathsDocument(i, "Document " + i, vectors[i]));
			if (batch.size() == 2_000 || i == this.rows - 1) {
				this.template.insert(batch);
				batch.clear();
			}
		}
		this.template.flush(PathsDocument.COLLECTION);
		JsonObject answer = new JsonObject();
		answer.addProperty("rows", this.template.count(PathsDocument.COLLECTION));
		return answer;
	}

	/** Whether the repository and the client find the same ids for the first queries. */
	private JsonObject check(int queries) {
		int differing = 0;
		for (int q = 0; q < queries; q++) {
			List<Long> ours = this.repository.findTop10ByEmbeddingNear(this.queries[q]).stream()
				.map(PathsDocument::id)
				.toList();
			List<Long> direct = this.client.search(search(this.queries[q])).first().stream()
				.map((hit) -> ((Number) hit.id()).longValue())
				.toList();
			if (!ours.equals(direct) || ours.isEmpty()) {
				differing++;
			}
		}
		JsonObject answer = new JsonObject();
		answer.addProperty("differing", differing);
		return answer;
	}

	private JsonObject burst(String mode, int searches, int offset) throws Exception {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		int before = threads.getThreadCount();
		threads.resetPeakThreadCount();
		long begin = System.nanoTime();
		if (mode.equals("reactive")) {
			Scheduler loops = Schedulers.newParallel("event-loop", EVENT_LOOPS);
			try {
				Long done = Flux.range(0, searches)
					.flatMap((i) -> this.reactive.search(search(this.queries[(offset + i) % this.queries.length]))
						.subscribeOn(loops), searches)
					.count()
					.block(Duration.ofMinutes(5));
				check(done, searches);
			}
			finally {
				// gone before the next burst counts its threads
				loops.disposeGracefully().block(Duration.ofSeconds(30));
			}
		}
		else if (mode.equals("blocking")) {
			ExecutorService pool = Executors.newFixedThreadPool(BLOCKING_THREADS);
			try {
				List<Future<?>> calls = new ArrayList<>(searches);
				for (int i = 0; i < searches; i++) {
					float[] vector = this.queries[(offset + i) % this.queries.length];
					calls.add(pool.submit(() -> this.client.search(search(vector))));
				}
				for (Future<?> call : calls) {
					call.get();
				}
			}
			finally {
				pool.shutdown();
				pool.awaitTermination(30, TimeUnit.SECONDS);
			}
		}
		else {
			throw new IllegalArgumentException("unknown mode " + mode);
		}
		double elapsed = (System.nanoTime() - begin) / 1e9;
		JsonObject answer = new JsonObject();
		answer.addProperty("elapsed", elapsed);
		answer.addProperty("threadsBefore", before);
		answer.addProperty("peakThreads", threads.getPeakThreadCount());
		return answer;
	}

	private static void check(Long done, int searches) {
		if (done == null || done != searches) {
			throw new IllegalStateException(searches + " searches, but " + done + " completed");
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

}
