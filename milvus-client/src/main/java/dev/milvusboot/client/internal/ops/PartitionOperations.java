package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.BoolResponse;
import dev.milvusboot.client.internal.proto.CreatePartitionRequest;
import dev.milvusboot.client.internal.proto.DropPartitionRequest;
import dev.milvusboot.client.internal.proto.HasPartitionRequest;
import dev.milvusboot.client.internal.proto.LoadPartitionsRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.ReleasePartitionsRequest;
import dev.milvusboot.client.internal.proto.ShowPartitionsRequest;
import dev.milvusboot.client.internal.proto.ShowPartitionsResponse;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, listing, dropping, loading and releasing partitions. Internal API.
 */
public final class PartitionOperations {

	private final ClientCore core;

	private final CallSettings settings;

	public PartitionOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/** Creates a partition. */
	public void create(String collection, String partition) {
		check(collection, partition);
		call(AdminCodec.rpc("createPartition", collection, describe("create", collection, partition),
				MilvusServiceGrpc.getCreatePartitionMethod(), CreatePartitionRequest.newBuilder()
					.setCollectionName(collection)
					.setPartitionName(partition)
					.build(),
				(s) -> s));
	}

	/** Drops a partition. */
	public void drop(String collection, String partition) {
		check(collection, partition);
		call(AdminCodec.rpc("dropPartition", collection, describe("drop", collection, partition),
				MilvusServiceGrpc.getDropPartitionMethod(), DropPartitionRequest.newBuilder()
					.setCollectionName(collection)
					.setPartitionName(partition)
					.build(),
				(s) -> s));
	}

	/** Whether a partition exists. */
	public boolean has(String collection, String partition) {
		check(collection, partition);
		BoolResponse response = call(AdminCodec.rpc("hasPartition", collection,
				describe("check", collection, partition), MilvusServiceGrpc.getHasPartitionMethod(),
				HasPartitionRequest.newBuilder().setCollectionName(collection).setPartitionName(partition).build(),
				BoolResponse::getStatus));
		return response.getValue();
	}

	/** The names of the partitions of a collection, the default partition included. */
	public List<String> list(String collection) {
		Names.requireValid(collection, "collection name");
		ShowPartitionsResponse response = call(AdminCodec.rpc("listPartitions", collection,
				"list partitions of collection '" + collection + "'", MilvusServiceGrpc.getShowPartitionsMethod(),
				ShowPartitionsRequest.newBuilder().setCollectionName(collection).build(),
				ShowPartitionsResponse::getStatus));
		return List.copyOf(response.getPartitionNamesList());
	}

	/** Loads partitions and waits until they are loaded. */
	public void load(String collection, List<String> partitions) {
		check(collection, partitions);
		String what = "partitions " + AdminCodec.quoted(partitions) + " of collection '" + collection + "'";
		Deadline deadline = Deadline.start(this.core, this.settings);
		deadline.call(AdminCodec.rpc("loadPartitions", collection, "load " + what,
				MilvusServiceGrpc.getLoadPartitionsMethod(), LoadPartitionsRequest.newBuilder()
					.setCollectionName(collection)
					.addAllPartitionNames(partitions)
					.build(),
				(s) -> s));
		CollectionOperations.awaitLoaded(deadline, collection, partitions, what + " to load");
	}

	/** Releases partitions from memory. */
	public void release(String collection, List<String> partitions) {
		check(collection, partitions);
		call(AdminCodec.rpc("releasePartitions", collection,
				"release partitions " + AdminCodec.quoted(partitions) + " of collection '" + collection + "'",
				MilvusServiceGrpc.getReleasePartitionsMethod(), ReleasePartitionsRequest.newBuilder()
					.setCollectionName(collection)
					.addAllPartitionNames(partitions)
					.build(),
				(s) -> s));
	}

	private static void check(String collection, String partition) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(partition, "partition name");
	}

	private static void check(String collection, List<String> partitions) {
		Names.requireValid(collection, "collection name");
		if (partitions.isEmpty()) {
			throw new MilvusInvalidArgumentException(
					"Name at least one partition of collection '" + collection + "'");
		}
		partitions.forEach((partition) -> Names.requireValid(partition, "partition name"));
	}

	private static String describe(String verb, String collection, String partition) {
		return verb + " partition '" + partition + "' of collection '" + collection + "'";
	}

	private <Q, R> R call(Rpc<Q, R> rpc) {
		return this.core.call(rpc, this.settings);
	}

}
