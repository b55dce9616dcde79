package dev.milvusboot.client.internal.transport;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusRateLimitedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.internal.proto.Status;
import io.grpc.CallOptions;
import io.grpc.StatusRuntimeException;

/**
 * Sends {@link Rpc}s: picks a channel from the pool, applies the deadline and database, checks the Milvus status,
 * maps failures through {@link ExceptionFactory}, retries transient failures with exponential backoff and
 * jitter within the deadline, and tells the listeners. Blocking and asynchronous forms share these rules (which is
 * why it is over 300 lines: the two forms of one retry loop are kept side by side). Internal API.
 */
public final class RpcInvoker implements AutoCloseable {

	private static final int MAX_CACHED_DATABASES = 64;

	private final ChannelPool pool;

	private final MilvusEndpoint endpoint;

	private final List<MilvusCallListener> listeners;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final Supplier<ScheduledExecutorService> scheduler;

	/** The call options naming each database a call used, made once rather than per call (bounded). */
	private final Map<String, CallOptions> databaseOptions = new ConcurrentHashMap<>();

	/**
	 * Creates an invoker.
	 * @param pool the channels
	 * @param endpoint the server, for messages
	 * @param listeners told of every call
	 * @param scheduler where asynchronous calls wait out their retry backoff (the client's, which stops it)
	 */
	public RpcInvoker(ChannelPool pool, MilvusEndpoint endpoint, List<MilvusCallListener> listeners,
			Supplier<ScheduledExecutorService> scheduler) {
		this.pool = pool;
		this.endpoint = endpoint;
		this.listeners = List.copyOf(listeners);
		this.scheduler = scheduler;
	}

	/** The number of calls in progress. */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * Sends a call and waits for its answer.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @param settings deadline, database and retry policy
	 * @return the successful response
	 * @throws MilvusException if the call failed
	 */
	public <Q, R> R call(Rpc<Q, R> rpc, CallSettings settings) {
		checkOpen(rpc);
		Tracker tracker = new Tracker(rpc, settings);
		this.inFlight.incrementAndGet();
		try {
			while (true) {
				MilvusException failure;
				try {
					CallOptions options = tracker.nextAttemptOptions();
					R response = BlockingUnaryCall.call(this.pool.next(), rpc.method(), options, rpc.request(),
							tracker.deadlineNanos);
					failure = tracker.checkResponse(response);
					if (failure == null) {
						return response;
					}
				}
				catch (StatusRuntimeException ex) {
					failure = tracker.failed(ex);
				}
				long backoffNanos = tracker.backoffBeforeRetry(failure);
				if (backoffNanos < 0) {
					throw tracker.giveUp(failure);
				}
				sleep(backoffNanos, tracker);
				reconnectIfUnavailable(failure);
			}
		}
		finally {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Sends a call without blocking.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param rpc the call
	 * @param settings deadline, database and retry policy
	 * @return a future completed with the response, or exceptionally with a {@link MilvusException}
	 */
	public <Q, R> CompletableFuture<R> callAsync(Rpc<Q, R> rpc, CallSettings settings) {
		CompletableFuture<R> result = new CompletableFuture<>();
		try {
			checkOpen(rpc);
		}
		catch (MilvusException ex) {
			result.completeExceptionally(ex);
			return result;
		}
		this.inFlight.incrementAndGet();
		// The call leaves the in-flight count before anything waiting on the result sees it complete.
		CompletableFuture<R> attempts = new CompletableFuture<>();
		attempts.whenComplete((response, error) -> {
			this.inFlight.decrementAndGet();
			if (error != null) {
				result.completeExceptionally(error);
			}
			else {
				result.complete(response);
			}
		});
		attemptAsync(rpc, new Tracker(rpc, settings), attempts);
		return result;
	}

	private <Q, R> void attemptAsync(Rpc<Q, R> rpc, Tracker tracker, CompletableFuture<R> result) {
		if (this.closed.get()) {
			result.completeExceptionally(tracker.giveUp(closedException(rpc)));
			return;
		}
		CallOptions options;
		try {
			options = tracker.nextAttemptOptions();
		}
		catch (MilvusException ex) {
			result.completeExceptionally(tracker.giveUp(ex));
			return;
		}
		ScheduledExecutorService timers;
		try {
			timers = this.scheduler.get();
		}
		catch (RuntimeException ex) {
			result.completeExceptionally(tracker.giveUp(closedException(rpc)));
			return;
		}
		AsyncUnaryCall.start(this.pool.next(), rpc.method(), options, rpc.request(), tracker.deadlineNanos, timers,
				(response, error) -> {
					MilvusException failure = (error != null) ? tracker.failed(error) : tracker.checkResponse(response);
					if (failure == null) {
						result.complete(response);
						return;
					}
					long backoffNanos = tracker.backoffBeforeRetry(failure);
					if (backoffNanos < 0) {
						result.completeExceptionally(tracker.giveUp(failure));
						return;
					}
					try {
						timers.schedule(() -> {
							reconnectIfUnavailable(failure);
							attemptAsync(rpc, tracker, result);
						}, backoffNanos, TimeUnit.NANOSECONDS);
					}
					catch (RuntimeException ex) {
						result.completeExceptionally(tracker.giveUp(failure));
					}
				});
	}

	/** Before retrying an unavailable server, lets channels waiting out their reconnect backoff connect now. */
	private void reconnectIfUnavailable(MilvusException failure) {
		if (failure instanceof MilvusUnavailableException) {
			this.pool.reconnectFailed();
		}
	}

	private void checkOpen(Rpc<?, ?> rpc) {
		if (this.closed.get()) {
			throw closedException(rpc);
		}
	}

	/**
	 * The failure of a call on a closed client.
	 * @param rpc the call
	 * @return the exception to throw
	 */
	public static MilvusClientClosedException closedException(Rpc<?, ?> rpc) {
		return new MilvusClientClosedException("Cannot run " + rpc.description() + ": the Milvus client is closed");
	}

	private static void sleep(long nanos, Tracker tracker) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw tracker.giveUp(new MilvusException("Interrupted while waiting to retry " + tracker.rpc.description()));
		}
	}

	/** Whether the invoker is closed. */
	public boolean isClosed() {
		return this.closed.get();
	}

	@Override
	public void close() {
		this.closed.set(true);
	}

	/** The options every call to {@code database} starts from. */
	private CallOptions baseOptions(String database) {
		if (database == null) {
			return CallOptions.DEFAULT;
		}
		CallOptions options = this.databaseOptions.get(database);
		if (options == null) {
			options = CallOptions.DEFAULT.withOption(HeadersInterceptor.DATABASE, database);
			if (this.databaseOptions.size() < MAX_CACHED_DATABASES) {
				this.databaseOptions.put(database, options);
			}
		}
		return options;
	}

	/** The state of one operation across its attempts. */
	private final class Tracker {

		private final Rpc<?, ?> rpc;

		private final CallSettings settings;

		private final long startNanos = System.nanoTime();

		/** The {@link System#nanoTime()} at which the operation, retries included, is given up. */
		final long deadlineNanos;

		private final MilvusCallListener.Call[] listenerCalls;

		private int attempts;

		Tracker(Rpc<?, ?> rpc, CallSettings settings) {
			this.rpc = rpc;
			this.settings = settings;
			this.deadlineNanos = this.startNanos + settings.timeout().toNanos();
			this.listenerCalls = startListeners(rpc, settings);
		}

		/**
		 * The options of the next attempt. They carry no gRPC deadline: the calls keep {@link #deadlineNanos}
		 * themselves (see {@link BlockingUnaryCall}).
		 */
		CallOptions nextAttemptOptions() {
			this.attempts++;
			long remaining = this.deadlineNanos - System.nanoTime();
			if (remaining <= 0) {
				throw ExceptionFactory.fromGrpc(io.grpc.Status.DEADLINE_EXCEEDED
					.withDescription("deadline of " + this.settings.timeout().toMillis() + " ms exceeded after "
							+ (this.attempts - 1) + " attempts")
					.asRuntimeException(), this.rpc.description(), RpcInvoker.this.endpoint.address());
			}
			return baseOptions(this.settings.database());
		}

		@SuppressWarnings("unchecked")
		<R> MilvusException checkResponse(R response) {
			Status status = ((Rpc<?, R>) this.rpc).statusOf().apply(response);
			if (status == null || ExceptionFactory.isSuccess(status)) {
				long count = ((Rpc<?, R>) this.rpc).countOf().applyAsLong(response);
				for (MilvusCallListener.Call call : this.listenerCalls) {
					call.succeeded(count);
				}
				return null;
			}
			return ExceptionFactory.fromStatus(status, this.rpc.description());
		}

		MilvusException failed(StatusRuntimeException ex) {
			return ExceptionFactory.fromGrpc(ex, this.rpc.description(), RpcInvoker.this.endpoint.address());
		}

		/** The wait before the next attempt, or -1 to give up. */
		long backoffBeforeRetry(MilvusException failure) {
			if (!failure.isRetryable() || this.attempts >= this.settings.retry().maxAttempts()) {
				return -1;
			}
			boolean ambiguous = failure instanceof MilvusUnavailableException && !notApplied(failure);
			if (ambiguous && !this.rpc.idempotent()) {
				return -1;
			}
			if (!(failure instanceof MilvusUnavailableException || failure instanceof MilvusRateLimitedException)) {
				return -1;
			}
			long base = this.settings.retry().backoff(this.attempts).toNanos();
			long jittered = (long) (base * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
			long now = System.nanoTime();
			long elapsedAfterWait = now + jittered - this.startNanos;
			if (elapsedAfterWait >= this.settings.retry().maxElapsed().toNanos()
					|| now + jittered >= this.deadlineNanos) {
				return -1;
			}
			return jittered;
		}

		MilvusException giveUp(MilvusException failure) {
			MilvusException reported = failure;
			if (failure instanceof MilvusUnavailableException && !this.rpc.idempotent() && !notApplied(failure)) {
				// Not retried, since that could write twice; say so, since the server may have applied it.
				reported = new MilvusUnavailableException(failure.getMessage() + ". It was not retried: the server may"
						+ " have applied it before the connection broke, so check before writing again (or upsert)",
						new MilvusException.ErrorDetails(failure.errorCode(), failure.reason(), failure.grpcCode(),
								false),
						failure.getCause());
			}
			for (MilvusCallListener.Call call : this.listenerCalls) {
				call.failed(reported);
			}
			return reported;
		}

		private MilvusCallListener.Call[] startListeners(Rpc<?, ?> rpc, CallSettings settings) {
			MilvusCallListener.Call[] calls = new MilvusCallListener.Call[RpcInvoker.this.listeners.size()];
			if (calls.length > 0) {
				MilvusCallContext context = new MilvusCallContext(rpc.operation(), rpc.collection(),
						settings.database(), RpcInvoker.this.endpoint);
				for (int i = 0; i < calls.length; i++) {
					calls[i] = RpcInvoker.this.listeners.get(i).callStarted(context);
				}
			}
			return calls;
		}

		/**
		 * Whether a failed call certainly changed nothing: the server answered it with an error status (such as
		 * "not ready"), or it was never sent because connecting was refused.
		 */
		private static boolean notApplied(MilvusException failure) {
			if ("OK".equals(failure.grpcCode())) {
				return true;
			}
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof ConnectException) {
					return true;
				}
			}
			return false;
		}

	}

}
