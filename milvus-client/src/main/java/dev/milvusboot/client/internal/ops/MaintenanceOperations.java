package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.util.List;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.admin.CompactionState;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.DescribeCollectionResponse;
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
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.schema.Names;

/**
 * Flushing collections and compacting them, waiting for the server to finish. Internal API.
 */
public final class MaintenanceOperations {

	private final ClientCore core;

	private final CallSettings settings;

	public MaintenanceOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/**
	 * Seals the growing segments of collections and waits until the server says they are persisted. Milvus Lite
	 * flushes synchronously and returns no segments; Milvus returns the segments and a flush timestamp to poll
	 * {@code GetFlushState} with.
	 */
	public void flush(List<String> collections) {
		if (collections.isEmpty()) {
			throw new MilvusInvalidArgumentException("Name at least one collection to flush");
		}
		collections.forEach((collection) -> Names.requireValid(collection, "collection name"));
		Deadline deadline = Deadline.start(this.core, this.settings);
		String names = AdminCodec.quoted(collections);
		FlushResponse response = deadline.call(AdminCodec.rpc("flush",
				(collections.size() == 1) ? collections.get(0) : null,
				"flush collection" + ((collections.size() == 1) ? " " : "s ") + names,
				MilvusServiceGrpc.getFlushMethod(), FlushRequest.newBuilder().addAllCollectionNames(collections).build(), FlushResponse::getStatus));
		for (String collection : collections) {
			List<Long> segments = response.getCollSegIDsMap()
				.getOrDefault(collection, LongArray.getDefaultInstance())
				.getDataList();
			GetFlushStateRequest request = GetFlushStateRequest.newBuilder()
				.addAllSegmentIDs(segments)
				.setFlushTs(response.getCollFlushTsMap().getOrDefault(collection, 0L))
				.setCollectionName(collection)
				.build();
			deadline.await("collection '" + collection + "' to be flushed (" + segments.size() + " segments)",
					() -> deadline.call(AdminCodec.rpc("getFlushState", collection,
							"get flush state of collection '" + collection + "'",
							MilvusServiceGrpc.getGetFlushStateMethod(), request, GetFlushStateResponse::getStatus)),
					GetFlushStateResponse::getFlushed, (state) -> "not flushed yet");
		}
	}

	/**
	 * Starts compacting a collection.
	 * @return the compaction's id, to pass to {@link #compactionState(long)}
	 */
	public long startCompaction(String collection) {
		Names.requireValid(collection, "collection name");
		return start(Deadline.start(this.core, this.settings), collection).getCompactionID();
	}

	private static ManualCompactionResponse start(Deadline deadline, String collection) {
		// Milvus 2.3 only knows the collection by id here; later servers also accept the name.
		DescribeCollectionResponse description = CollectionOperations.describeRaw(deadline, collection);
		return deadline.call(AdminCodec.rpc("manualCompaction", collection,
				"compact collection '" + collection + "'", MilvusServiceGrpc.getManualCompactionMethod(),
				ManualCompactionRequest.newBuilder()
					.setCollectionID(description.getCollectionID())
					.setCollectionName(collection)
					.build(),
				ManualCompactionResponse::getStatus));
	}

	/** The state of a compaction. */
	public CompactionResult compactionState(long compactionId) {
		return state(Deadline.start(this.core, this.settings), compactionId);
	}

	private static CompactionResult state(Deadline deadline, long compactionId) {
		GetCompactionStateResponse response = deadline.call(AdminCodec.rpc("getCompactionState", null,
				"get state of compaction " + compactionId, MilvusServiceGrpc.getGetCompactionStateMethod(),
				GetCompactionStateRequest.newBuilder().setCompactionID(compactionId).build(),
				GetCompactionStateResponse::getStatus));
		return new CompactionResult(compactionId, AdminCodec.fromProto(response.getState()),
				response.getExecutingPlanNo(), response.getCompletedPlanNo(), response.getFailedPlanNo(),
				response.getTimeoutPlanNo());
	}

	/** Compacts a collection and waits until the compaction has completed. */
	public CompactionResult compact(String collection) {
		Names.requireValid(collection, "collection name");
		Deadline deadline = Deadline.start(this.core, this.settings);
		ManualCompactionResponse started = start(deadline, collection);
		long id = started.getCompactionID();
		return deadline.await("compaction " + id + " of collection '" + collection + "' to complete",
				() -> state(deadline, id),
				(state) -> state.isCompleted()
						|| (state.state() == CompactionState.UNDEFINED && started.getCompactionPlanCount() == 0),
				(state) -> state.state() + ", " + state.executingPlans() + " plans executing, "
						+ state.completedPlans() + " completed");
	}

}
