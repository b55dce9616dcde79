package dev.milvusboot.client.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import dev.milvusboot.client.SearchCoalescing;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.exception.MilvusClientClosedException;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusPermissionDeniedException;
import dev.milvusboot.client.exception.MilvusRateLimitedException;
import dev.milvusboot.client.exception.MilvusTimeoutException;
import dev.milvusboot.client.exception.MilvusUnauthenticatedException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import dev.milvusboot.client.internal.codec.SearchResponse;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderValue;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.internal.SearchCombination.Shape;

/**
 * Combines concurrent searches of the same shape into one request (see {@link SearchCoalescing}). Searches are
 * grouped in lanes by shape: the encoded request without its query vectors, plus the call settings. A lane lets
 * {@code maxConcurrentRequests} requests be in flight; a search arriving when the lane is full waits in its queue.
 * When a request returns, its place goes to the waiting searches (up to {@code maxQueriesPerRequest} vectors, their
 * vectors concatenated in one placeholder group) if two or more wait or no other request is in flight; a lone
 * waiting search instead goes with the next search to arrive, which finds the place free and takes the queue along.
 * A search starting while no other is in progress skips the lanes altogether and is sent at once, so that a caller
 * searching from one thread pays nothing for combining; the searches arriving while it is in flight use the lanes.
 * Which searches may be combined at all is {@link SearchCombination}'s rule. The hits are handed back query by
 * query. Searches sent at once run on the calling thread, exactly as without combining. Over 300 lines on purpose:
 * admitting, batching, sending, handing out, failing alone and the per-search deadlines are steps of one protocol
 * over the lanes' shared state, easier to check in one place. Internal API.
 */
public final class SearchCoalescer {

	/** Builds the call of a search request. */
	@FunctionalInterface
	public interface SearchCall {

		/**
		 * The call sending a request.
		 * @param request the request
		 * @param queries the number of query vectors in it
		 * @param searches the number of searches combined in it
		 * @return the call
		 */
		Rpc<SearchRequest, SearchResponse> of(SearchRequest request, int queries, int searches);

	}

	/** Sends search calls: the client's invoker, after its handshake. */
	public interface SearchSender {

		/**
		 * Sends a call on the caller's thread.
		 * @param rpc the call
		 * @param settings its settings
		 * @return the response
		 */
		SearchResponse send(Rpc<SearchRequest, SearchResponse> rpc, CallSettings settings);

		/**
		 * Sends a call without blocking.
		 * @param rpc the call
		 * @param settings its settings
		 * @return the future response
		 */
		CompletableFuture<SearchResponse> sendAsync(Rpc<SearchRequest, SearchResponse> rpc, CallSettings settings);

	}

	private final SearchSender sender;

	private final String server;

	private final SearchCoalescing limits;

	private final ConcurrentHashMap<Shape, Lane> lanes = new ConcurrentHashMap<>();

	/**
	 * The searches not yet answered, combinable or not. A search starting when it is zero has nobody to go with: it
	 * is sent at once without the lanes' bookkeeping (shape, lane, waiting state), so that searching from one
	 * thread costs nothing extra.
	 */
	private final AtomicInteger inProgress = new AtomicInteger();

	private volatile ScheduledThreadPoolExecutor deadlines;

	private volatile boolean closed;

	/**
	 * Creates a coalescer.
	 * @param sender sends the calls
	 * @param limits the coalescing limits
	 * @param server the server's address, for messages
	 */
	public SearchCoalescer(SearchSender sender, SearchCoalescing limits, String server) {
		this.sender = sender;
		this.limits = limits;
		this.server = server;
	}

	/**
	 * Searches, combined with concurrent searches of the same shape when the lane is busy.
	 * @param request the encoded search
	 * @param queries the number of query vectors in it
	 * @param outputFields the fields the caller asked for
	 * @param settings the call settings
	 * @param call builds the calls
	 * @return the hits, one list per query vector of this search
	 */
	public SearchResults search(SearchRequest request, int queries, List<String> outputFields, CallSettings settings,
			SearchCall call) {
		boolean alone = this.inProgress.getAndIncrement() == 0;
		try {
			if (alone || !combinable(request, queries)) {
				return this.sender.send(call.of(request, queries, 1), settings).hits(outputFields);
			}
			return searchInLane(request, queries, outputFields, settings, call);
		}
		finally {
			this.inProgress.decrementAndGet();
		}
	}

	private SearchResults searchInLane(SearchRequest request, int queries, List<String> outputFields,
			CallSettings settings, SearchCall call) {
		Shape shape = Shape.of(request, settings);
		Waiting waiting = new Waiting(request, queries, settings);
		Lane lane = admit(shape, waiting, outputFields, call);
		if (lane == null) {
			return await(waiting);
		}
		try {
			return this.sender.send(call.of(request, queries, 1), settings).hits(outputFields);
		}
		finally {
			release(shape, lane, outputFields, call);
		}
	}

	/**
	 * Searches without blocking, combined like {@link #search}.
	 * @param request the encoded search
	 * @param queries the number of query vectors in it
	 * @param outputFields the fields the caller asked for
	 * @param settings the call settings
	 * @param call builds the calls
	 * @return the future hits
	 */
	public CompletableFuture<SearchResults> searchAsync(SearchRequest request, int queries, List<String> outputFields,
			CallSettings settings, SearchCall call) {
		boolean alone = this.inProgress.getAndIncrement() == 0;
		CompletableFuture<SearchResults> result;
		try {
			result = (alone || !combinable(request, queries))
					? this.sender.sendAsync(call.of(request, queries, 1), settings)
						.thenApply((response) -> response.hits(outputFields))
					: searchInLaneAsync(request, queries, outputFields, settings, call);
		}
		catch (RuntimeException | Error ex) {
			this.inProgress.decrementAndGet();
			throw ex;
		}
		result.whenComplete((hits, error) -> this.inProgress.decrementAndGet());
		return result;
	}

	private CompletableFuture<SearchResults> searchInLaneAsync(SearchRequest request, int queries,
			List<String> outputFields, CallSettings settings, SearchCall call) {
		Shape shape = Shape.of(request, settings);
		Waiting waiting = new Waiting(request, queries, settings);
		Lane lane = admit(shape, waiting, outputFields, call);
		if (lane == null) {
			return waiting.result;
		}
		CompletableFuture<SearchResults> result = this.sender.sendAsync(call.of(request, queries, 1), settings)
			.thenApply((response) -> response.hits(outputFields));
		result.whenComplete((hits, error) -> release(shape, lane, outputFields, call));
		return result;
	}

	private boolean combinable(SearchRequest request, int queries) {
		return SearchCombination.combinable(request, queries, this.limits);
	}

	/**
	 * Takes a place in the lane and returns it, for a search to be sent alone at once; or queues the search and
	 * returns {@code null}. A search finding a free place but others waiting goes at once together with them.
	 */
	private Lane admit(Shape shape, Waiting waiting, List<String> outputFields, SearchCall call) {
		while (true) {
			Lane lane = this.lanes.computeIfAbsent(shape, (key) -> new Lane());
			List<Waiting> batch;
			synchronized (lane) {
				if (lane.retired) {
					continue;
				}
				if (lane.inFlight >= this.limits.maxConcurrentRequests()) {
					lane.queue.add(waiting);
					failAtDeadline(waiting);
					return null;
				}
				lane.inFlight++;
				if (lane.queue.isEmpty()) {
					return lane;
				}
				lane.queue.add(waiting);
				failAtDeadline(waiting);
				batch = takeBatch(lane);
			}
			sendCombined(shape, lane, batch, outputFields, call);
			return null;
		}
	}

	/**
	 * Passes the place of a request that returned: to the searches waiting, if at least two wait or no other request
	 * is in flight; otherwise it frees the place, so that a lone waiting search goes together with the next one to
	 * arrive (or with whatever waits when the last request returns) rather than alone.
	 */
	private void release(Shape shape, Lane lane, List<String> outputFields, SearchCall call) {
		List<Waiting> batch;
		synchronized (lane) {
			if (lane.queue.size() >= 2 || (lane.inFlight == 1 && !lane.queue.isEmpty())) {
				batch = takeBatch(lane);
			}
			else {
				lane.inFlight--;
				if (lane.inFlight == 0) {
					lane.retired = true;
					this.lanes.remove(shape, lane);
				}
				return;
			}
		}
		sendCombined(shape, lane, batch, outputFields, call);
	}

	/** Takes the searches waiting longest, up to the most query vectors a request may carry. Holds the lane. */
	private List<Waiting> takeBatch(Lane lane) {
		List<Waiting> batch = new ArrayList<>();
		int queries = 0;
		while (!lane.queue.isEmpty()
				&& (batch.isEmpty() || queries + lane.queue.peek().queries <= this.limits.maxQueriesPerRequest())) {
			Waiting next = lane.queue.poll();
			queries += next.queries;
			batch.add(next);
		}
		return batch;
	}

	private void sendCombined(Shape shape, Lane lane, List<Waiting> waiting, List<String> outputFields,
			SearchCall call) {
		List<Waiting> batch = dropExpired(waiting);
		if (batch.isEmpty()) {
			release(shape, lane, outputFields, call);
			return;
		}
		CompletableFuture<SearchResponse> response;
		int queries = batch.stream().mapToInt((w) -> w.queries).sum();
		try {
			SearchRequest request = (batch.size() == 1) ? batch.get(0).request : combine(batch, queries);
			response = this.sender.sendAsync(call.of(request, queries, batch.size()),
					shape.settings().withTimeout(batch.get(batch.size() - 1).remaining()));
		}
		catch (RuntimeException ex) {
			response = CompletableFuture.failedFuture(ex);
		}
		response.whenComplete((result, error) -> {
			try {
				if (error == null) {
					handOut(result.hits(outputFields), batch);
				}
				else {
					failed(unwrap(error), batch, outputFields, call);
				}
			}
			catch (RuntimeException ex) {
				batch.forEach((w) -> w.result.completeExceptionally(ex));
			}
			finally {
				release(shape, lane, outputFields, call);
			}
		});
	}

	/** The searches still waiting for an answer (not failed at their deadline meanwhile). */
	private static List<Waiting> dropExpired(List<Waiting> batch) {
		List<Waiting> live = new ArrayList<>(batch.size());
		for (Waiting waiting : batch) {
			if (!waiting.result.isDone() && !waiting.remaining().isZero()) {
				live.add(waiting);
			}
		}
		return live;
	}

	/**
	 * Fails a waiting search at its own deadline, whatever the request it goes with: a combined request runs to the
	 * deadline of its latest search, so that no search is cut short by an older one's.
	 */
	private void failAtDeadline(Waiting waiting) {
		if (this.closed) {
			return; // the client is closed: the search fails as soon as it is sent
		}
		ScheduledFuture<?> timer = deadlines().schedule(() -> waiting.result.completeExceptionally(
				waiting.timeout(this.server)), waiting.remaining().toNanos(),
				TimeUnit.NANOSECONDS);
		waiting.result.whenComplete((hits, error) -> timer.cancel(false));
	}

	private ScheduledThreadPoolExecutor deadlines() {
		ScheduledThreadPoolExecutor deadlines = this.deadlines;
		if (deadlines == null) {
			synchronized (this.lanes) {
				deadlines = this.deadlines;
				if (deadlines == null) {
					deadlines = new ScheduledThreadPoolExecutor(1, (task) -> {
						Thread thread = new Thread(task, "milvus-search-deadlines");
						thread.setDaemon(true);
						return thread;
					});
					deadlines.setRemoveOnCancelPolicy(true);
					this.deadlines = deadlines;
				}
			}
		}
		return deadlines;
	}

	/** Stops the deadline timer thread, if one was started. */
	public void close() {
		this.closed = true;
		ScheduledThreadPoolExecutor deadlines = this.deadlines;
		if (deadlines != null) {
			deadlines.shutdownNow();
		}
	}

	/** One placeholder group holding the query vectors of every search, in order. */
	static SearchRequest combine(List<Waiting> batch, int queries) {
		PlaceholderValue.Builder vectors = null;
		for (Waiting waiting : batch) {
			PlaceholderValue value = placeholder(waiting.request.getPlaceholderGroup());
			if (vectors == null) {
				vectors = value.toBuilder();
			}
			else {
				vectors.addAllValues(value.getValuesList());
			}
		}
		return batch.get(0).request.toBuilder()
			.setNq(queries)
			.setPlaceholderGroup(PlaceholderGroup.newBuilder().addPlaceholders(vectors).build().toByteString())
			.build();
	}

	private static PlaceholderValue placeholder(ByteString group) {
		try {
			return PlaceholderGroup.parseFrom(group).getPlaceholders(0);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("An encoded search has an unreadable placeholder group", ex);
		}
	}

	/** Gives each search the hits of its own query vectors. */
	private static void handOut(SearchResults all, List<Waiting> batch) {
		int start = 0;
		for (Waiting waiting : batch) {
			List<List<Hit>> own;
			if (all.size() == 0) {
				own = List.of();
			}
			else {
				own = new ArrayList<>(waiting.queries);
				for (int q = start; q < start + waiting.queries; q++) {
					own.add((q < all.size()) ? all.hits(q) : List.of());
				}
			}
			start += waiting.queries;
			waiting.result.complete(new SearchResults(List.copyOf(own)));
		}
	}

	/**
	 * A failure of the connection, the deadline or the caller's rights is every search's; any other (the server
	 * rejected the request) may be one search's alone, so each is then sent again by itself.
	 */
	private void failed(RuntimeException error, List<Waiting> batch, List<String> outputFields, SearchCall call) {
		if (batch.size() == 1 || sharedFailure(error)) {
			batch.forEach((w) -> w.result.completeExceptionally(error));
			return;
		}
		for (Waiting waiting : batch) {
			Duration remaining = waiting.remaining();
			this.sender.sendAsync(call.of(waiting.request, waiting.queries, 1), waiting.settings.withTimeout(
					remaining.isZero() ? Duration.ofMillis(1) : remaining))
				.whenComplete((response, own) -> {
					if (own != null) {
						waiting.result.completeExceptionally(unwrap(own));
					}
					else {
						try {
							waiting.result.complete(response.hits(outputFields));
						}
						catch (RuntimeException ex) {
							waiting.result.completeExceptionally(ex);
						}
					}
				});
		}
	}

	private static boolean sharedFailure(RuntimeException error) {
		return error instanceof MilvusUnavailableException || error instanceof MilvusTimeoutException
				|| error instanceof MilvusClientClosedException || error instanceof MilvusRateLimitedException
				|| error instanceof MilvusUnauthenticatedException || error instanceof MilvusPermissionDeniedException
				|| !(error instanceof MilvusException);
	}

	private static RuntimeException unwrap(Throwable error) {
		Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
				: error;
		return (cause instanceof RuntimeException runtime) ? runtime
				: new MilvusException("Search failed: " + cause, MilvusException.ErrorDetails.CLIENT, cause);
	}

	private static SearchResults await(Waiting waiting) {
		try {
			return waiting.result.get();
		}
		catch (ExecutionException ex) {
			throw unwrap(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusException("Interrupted while waiting for a search in collection '"
					+ waiting.request.getCollectionName() + "'");
		}
	}

	/** The requests of one shape in flight and the searches waiting for them. */
	private static final class Lane {

		int inFlight;

		boolean retired;

		final ArrayDeque<Waiting> queue = new ArrayDeque<>();

	}

	/** A search waiting in a lane. */
	static final class Waiting {

		final SearchRequest request;

		final int queries;

		final CallSettings settings;

		final long since = System.nanoTime();

		final CompletableFuture<SearchResults> result = new CompletableFuture<>();

		Waiting(SearchRequest request, int queries, CallSettings settings) {
			this.request = request;
			this.queries = queries;
			this.settings = settings;
		}

		MilvusTimeoutException timeout(String server) {
			return new MilvusTimeoutException("Search of " + this.queries + " vector" + ((this.queries == 1) ? "" : "s")
					+ " in collection '" + this.request.getCollectionName() + "' did not complete within its deadline of "
					+ this.settings.timeout().toMillis() + " ms at Milvus " + server
					+ " (it waited for concurrent searches of the same shape to be answered)");
		}

		/** What is left of its deadline; zero once passed. */
		Duration remaining() {
			long left = this.settings.timeout().toNanos() - (System.nanoTime() - this.since);
			return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
		}

	}

}
