package dev.milvusboot.client.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.exception.MilvusException;

/**
 * A sustained insert loop with ids of its own, batch after batch on one thread, and flushes now and then on
 * another. It records the fate of every row (acknowledged or reported failed, never neither), which rows a
 * successful flush covered, the failures by type, and when each successful insert returned. Bounded by
 * {@link #stop()} and by a time limit.
 */
final class InsertLoop {

	/** The pause between batches, which keeps the rows to check afterwards in the tens of thousands. */
	private static final long PAUSE_MILLIS = 25;

	private final MilvusClient client;

	private final MilvusCommands flusher;

	private final String collection;

	private final int batchSize;

	private final Duration flushEvery;

	private final long limitNanos;

	private final AtomicBoolean running = new AtomicBoolean(true);

	/** When each acknowledged insert was sent, and its first id. */
	private final List<long[]> sentAndAcknowledged = new ArrayList<>();

	private final List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> failed = Collections.synchronizedList(new ArrayList<>());

	private final List<MilvusException> failures = Collections.synchronizedList(new ArrayList<>());

	private final List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());

	private final List<Long> successNanos = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger flushedMark = new AtomicInteger();

	private final AtomicLong attempted = new AtomicLong();

	private final List<Thread> threads = new ArrayList<>();

	InsertLoop(MilvusClient client, String collection, int batchSize, Duration flushEvery, Duration limit) {
		this.client = client;
		this.flusher = client.withTimeout(Duration.ofSeconds(30));
		this.collection = collection;
		this.batchSize = batchSize;
		this.flushEvery = flushEvery;
		this.limitNanos = System.nanoTime() + limit.toNanos();
	}

	/** Starts inserting and flushing. */
	InsertLoop start() {
		this.threads.add(new Thread(this::insert, "insert-loop"));
		this.threads.add(new Thread(this::flushNowAndThen, "insert-loop-flushes"));
		this.threads.forEach(Thread::start);
		return this;
	}

	private boolean running() {
		return this.running.get() && System.nanoTime() - this.limitNanos < 0;
	}

	private void insert() {
		long nextId = 1;
		while (running()) {
			long firstId = nextId;
			nextId += this.batchSize;
			this.attempted.addAndGet(this.batchSize);
			long sent = System.nanoTime();
			try {
				this.client.insert(this.collection, Rows.withIds(firstId, this.batchSize));
				this.successNanos.add(System.nanoTime());
				synchronized (this.sentAndAcknowledged) {
					this.sentAndAcknowledged.add(new long[] { sent, firstId });
				}
				record(this.acknowledged, firstId);
			}
			catch (MilvusException ex) {
				this.failures.add(ex);
				record(this.failed, firstId);
			}
			catch (Throwable ex) {
				this.unexpected.add(ex);
				record(this.failed, firstId);
			}
			try {
				Thread.sleep(PAUSE_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** Flushes; a successful flush covers every row acknowledged before it began. */
	private void flushNowAndThen() {
		while (running()) {
			try {
				Thread.sleep(this.flushEvery.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			int covered = this.acknowledged.size();
			try {
				this.flusher.flush(this.collection);
				this.flushedMark.accumulateAndGet(covered, Math::max);
			}
			catch (MilvusException ex) {
				// nothing newly known to be flushed; the rows stay acknowledged only
			}
			catch (Throwable ex) {
				this.unexpected.add(ex);
			}
		}
	}

	private void record(List<Long> ids, long firstId) {
		synchronized (ids) {
			for (long id = firstId; id < firstId + this.batchSize; id++) {
				ids.add(id);
			}
		}
	}

	/**
	 * Stops inserting and flushing, waiting for the calls in progress.
	 * @return whether both threads ended within the time given
	 */
	boolean stop(Duration wait) throws InterruptedException {
		this.running.set(false);
		long deadline = System.nanoTime() + wait.toNanos();
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
		}
		return this.threads.stream().noneMatch(Thread::isAlive);
	}

	/** Rows sent (or tried). */
	long attempted() {
		return this.attempted.get();
	}

	List<Long> acknowledged() {
		synchronized (this.acknowledged) {
			return List.copyOf(this.acknowledged);
		}
	}

	/**
	 * The acknowledged rows whose insert was sent after a moment (for example once the server was killed: only the
	 * restarted server can have acknowledged them; an insert sent before may have been answered by the dying one).
	 */
	List<Long> acknowledgedSentAfter(long nanos) {
		List<Long> ids = new ArrayList<>();
		synchronized (this.sentAndAcknowledged) {
			for (long[] batch : this.sentAndAcknowledged) {
				if (batch[0] - nanos > 0) {
					for (long id = batch[1]; id < batch[1] + this.batchSize; id++) {
						ids.add(id);
					}
				}
			}
		}
		return ids;
	}

	/** The acknowledged rows whose insert returned before a moment. */
	List<Long> acknowledgedBefore(long nanos) {
		long batches;
		synchronized (this.successNanos) {
			batches = this.successNanos.stream().filter((t) -> t - nanos < 0).count();
		}
		synchronized (this.acknowledged) {
			return List.copyOf(this.acknowledged.subList(0,
					(int) Math.min(this.acknowledged.size(), batches * this.batchSize)));
		}
	}

	List<Long> failed() {
		synchronized (this.failed) {
			return List.copyOf(this.failed);
		}
	}

	/** The acknowledged rows a flush that returned successfully covered, so far: a prefix of {@link #acknowledged()}. */
	List<Long> flushed() {
		int mark = this.flushedMark.get();
		synchronized (this.acknowledged) {
			return List.copyOf(this.acknowledged.subList(0, mark));
		}
	}

	List<MilvusException> failures() {
		synchronized (this.failures) {
			return List.copyOf(this.failures);
		}
	}

	/** The failures counted by exception type, gRPC code and reason. */
	Map<String, Long> failureTypes() {
		return failures().stream()
			.collect(Collectors.groupingBy((ex) -> ex.getClass().getSimpleName() + " " + ex.grpcCode() + " '"
					+ ex.reason() + "'", TreeMap::new, Collectors.counting()));
	}

	/** The failures by type and the last one, for assertion messages. */
	String describeFailures() {
		List<MilvusException> all = failures();
		return failureTypes() + (all.isEmpty() ? "" : ", last: " + all.get(all.size() - 1));
	}

	/** Throwables that were not {@link MilvusException}s: a client bug if any. */
	List<Throwable> unexpected() {
		synchronized (this.unexpected) {
			return List.copyOf(this.unexpected);
		}
	}

	/** When the first insert returned successfully after a moment, or -1 if none did. */
	long firstSuccessAfter(long nanos) {
		synchronized (this.successNanos) {
			return this.successNanos.stream().filter((t) -> t - nanos > 0).findFirst().orElse(-1L);
		}
	}

	int successesAfter(long nanos) {
		synchronized (this.successNanos) {
			return (int) this.successNanos.stream().filter((t) -> t - nanos > 0).count();
		}
	}

}
