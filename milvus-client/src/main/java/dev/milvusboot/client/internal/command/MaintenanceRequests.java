package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.admin.CompactionState;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.FlushRequest;
import dev.milvusboot.client.internal.proto.FlushResponse;
import dev.milvusboot.client.internal.proto.GetCompactionStateRequest;
import dev.milvusboot.client.internal.proto.GetCompactionStateResponse;
import dev.milvusboot.client.internal.proto.GetFlushStateRequest;
import dev.milvusboot.client.internal.proto.GetFlushStateResponse;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.ManualCompactionRequest;
import dev.milvusboot.client.internal.proto.ManualCompactionResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusMaintenanceCommands}: flushing collections and
 * compacting them, waiting for the server to finish within one deadline. Arguments are checked when a command is
 * built, before anything is sent. Internal API.
 */
public final class MaintenanceRequests {

	private static final String COLLECTION_NAME = "collection name";

	private MaintenanceRequests() {
	}

	/**
	 * Seals the growing segments of collections and waits until the server says they are persisted, one
	 * collection after the other. Milvus Lite flushes synchronously and returns no segments; Milvus returns the
	 * segments and a flush timestamp to poll {@code GetFlushState} with.
	 */
	public static Command<Void> flush(String... collections) {
		List<String> names = List.of(collections);
		if (names.isEmpty()) {
			throw new MilvusInvalidArgumentException("Name at least one collection to flush");
		}
		names.forEach((collection) -> Names.requireValid(collection, COLLECTION_NAME));
		Rpc<FlushRequest, FlushResponse> flush = AdminCodec.rpc("flush", (names.size() == 1) ? names.get(0) : null,
				"flush collection" + ((names.size() == 1) ? " " : "s ") + AdminCodec.quoted(names),
				MilvusServiceGrpc.getFlushMethod(), FlushRequest.newBuilder().addAllCollectionNames(names).build(),
				FlushResponse::getStatus);
		return (dispatch) -> {
			Deadline deadline = Deadline.start(dispatch);
			return deadline.call(flush).thenCompose((response) -> {
				CompletableFuture<Void> flushed = CompletableFuture.completedFuture(null);
				for (String collection : names) {
					flushed = flushed.thenCompose((previous) -> awaitFlushed(deadline, response, collection));
				}
				return flushed;
			});
		};
	}

	private static CompletableFuture<Void> awaitFlushed(Deadline deadline, FlushResponse response, String collection) {
		List<Long> segments = response.getCollSegIDsMap()
			.getOrDefault(collection, LongArray.getDefaultInstance())
			.getDataList();
		GetFlushStateRequest request = GetFlushStateRequest.newBuilder()
			.addAllSegmentIDs(segments)
			.setFlushTs(response.getCollFlushTsMap().getOrDefault(collection, 0L))
			.setCollectionName(collection)
			.build();
		return deadline
			.await("collection '" + collection + "' to be flushed (" + segments.size() + " segments)",
					() -> deadline.call(AdminCodec.rpc("getFlushState", collection,
							"get flush state of collection '" + collection + "'",
							MilvusServiceGrpc.getGetFlushStateMethod(), request, GetFlushStateResponse::getStatus)),
					GetFlushStateResponse::getFlushed, (state) -> "not flushed yet")
			.thenApply((state) -> null);
	}

	/** Compacts a collection and waits until the compaction has completed. */
	public static Command<CompactionResult> compact(String collection) {
		Names.requireValid(collection, COLLECTION_NAME);
		return (dispatch) -> {
			Deadline deadline = Deadline.start(dispatch);
			return start(deadline, collection).thenCompose((started) -> {
				long id = started.getCompactionID();
				return deadline.await("compaction " + id + " of collection '" + collection + "' to complete",
						() -> state(deadline, id),
						(state) -> state.isCompleted() || (state.state() == CompactionState.UNDEFINED
								&& started.getCompactionPlanCount() == 0),
						(state) -> state.state() + ", " + state.executingPlans() + " plans executing, "
								+ state.completedPlans() + " completed");
			});
		};
	}

	/** Starts compacting a collection; its result is the compaction's id. */
	public static Command<Long> startCompaction(String collection) {
		Names.requireValid(collection, COLLECTION_NAME);
		return (dispatch) -> start(Deadline.start(dispatch), collection)
			.thenApply(ManualCompactionResponse::getCompactionID);
	}

	private static CompletableFuture<ManualCompactionResponse> start(Deadline deadline, String collection) {
		// Milvus 2.3 only knows the collection by id here; later servers also accept the name.
		return deadline.call(CollectionRequests.describeRpc(collection))
			.thenCompose((description) -> deadline.call(AdminCodec.rpc("manualCompaction", collection,
					"compact collection '" + collection + "'", MilvusServiceGrpc.getManualCompactionMethod(),
					ManualCompactionRequest.newBuilder()
						.setCollectionID(description.getCollectionID())
						.setCollectionName(collection)
						.build(),
					ManualCompactionResponse::getStatus)));
	}

	public static Command<CompactionResult> compactionState(long compactionId) {
		return Command.unary(stateRpc(compactionId), (response) -> result(compactionId, response));
	}

	private static CompletableFuture<CompactionResult> state(Deadline deadline, long compactionId) {
		return deadline.call(stateRpc(compactionId)).thenApply((response) -> result(compactionId, response));
	}

	private static Rpc<GetCompactionStateRequest, GetCompactionStateResponse> stateRpc(long compactionId) {
		return AdminCodec.rpc("getCompactionState", null, "get state of compaction " + compactionId,
				MilvusServiceGrpc.getGetCompactionStateMethod(),
				GetCompactionStateRequest.newBuilder().setCompactionID(compactionId).build(),
				GetCompactionStateResponse::getStatus);
	}

	private static CompactionResult result(long compactionId, GetCompactionStateResponse response) {
		return new CompactionResult(compactionId, AdminCodec.fromProto(response.getState()),
				response.getExecutingPlanNo(), response.getCompletedPlanNo(), response.getFailedPlanNo(),
				response.getTimeoutPlanNo());
	}

}
