package dev.milvusboot.client.internal.command;

import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.BoolResponse;
import dev.milvusboot.client.internal.proto.CreatePartitionRequest;
import dev.milvusboot.client.internal.proto.DropPartitionRequest;
import dev.milvusboot.client.internal.proto.HasPartitionRequest;
import dev.milvusboot.client.internal.proto.LoadPartitionsRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.ReleasePartitionsRequest;
import dev.milvusboot.client.internal.proto.ShowPartitionsRequest;
import dev.milvusboot.client.internal.proto.ShowPartitionsResponse;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusPartitionCommands}: creating, checking, listing,
 * dropping, loading and releasing partitions. Arguments are checked when a command is built, before anything is
 * sent. Internal API.
 */
public final class PartitionRequests {

	private static final String COLLECTION_NAME = "collection name";

	private static final String PARTITION_NAME = "partition name";

	private PartitionRequests() {
	}

	public static Command<Void> createPartition(String collection, String partition) {
		check(collection, partition);
		return Command.unary(AdminCodec.rpc("createPartition", collection, describe("create", collection, partition),
				MilvusServiceGrpc.getCreatePartitionMethod(),
				CreatePartitionRequest.newBuilder().setCollectionName(collection).setPartitionName(partition).build(),
				(s) -> s));
	}

	public static Command<Void> dropPartition(String collection, String partition) {
		check(collection, partition);
		return Command.unary(AdminCodec.rpc("dropPartition", collection, describe("drop", collection, partition),
				MilvusServiceGrpc.getDropPartitionMethod(),
				DropPartitionRequest.newBuilder().setCollectionName(collection).setPartitionName(partition).build(),
				(s) -> s));
	}

	public static Command<Boolean> hasPartition(String collection, String partition) {
		check(collection, partition);
		return Command.unary(AdminCodec.rpc("hasPartition", collection, describe("check", collection, partition),
				MilvusServiceGrpc.getHasPartitionMethod(),
				HasPartitionRequest.newBuilder().setCollectionName(collection).setPartitionName(partition).build(),
				BoolResponse::getStatus), BoolResponse::getValue);
	}

	/** The names of the partitions of a collection, the default partition included. */
	public static Command<List<String>> listPartitions(String collection) {
		Names.requireValid(collection, COLLECTION_NAME);
		return Command.unary(AdminCodec.rpc("listPartitions", collection,
				"list partitions of collection '" + collection + "'", MilvusServiceGrpc.getShowPartitionsMethod(),
				ShowPartitionsRequest.newBuilder().setCollectionName(collection).build(),
				ShowPartitionsResponse::getStatus), (response) -> List.copyOf(response.getPartitionNamesList()));
	}

	/** Loads partitions and waits until they are loaded; one deadline for both. */
	public static Command<Void> loadPartitions(String collection, String... partitions) {
		List<String> names = check(collection, partitions);
		String what = partitions(collection, names);
		LoadPartitionsRequest request = LoadPartitionsRequest.newBuilder()
			.setCollectionName(collection)
			.addAllPartitionNames(names)
			.build();
		return (dispatch) -> {
			Deadline deadline = Deadline.start(dispatch);
			return deadline
				.call(AdminCodec.rpc("loadPartitions", collection, "load " + what,
						MilvusServiceGrpc.getLoadPartitionsMethod(), request, (s) -> s))
				.thenCompose((loading) -> CollectionRequests.awaitLoaded(deadline, collection, names,
						what + " to load"));
		};
	}

	public static Command<Void> releasePartitions(String collection, String... partitions) {
		List<String> names = check(collection, partitions);
		return Command.unary(AdminCodec.rpc("releasePartitions", collection,
				"release " + partitions(collection, names), MilvusServiceGrpc.getReleasePartitionsMethod(),
				ReleasePartitionsRequest.newBuilder().setCollectionName(collection).addAllPartitionNames(names).build(),
				(s) -> s));
	}

	private static void check(String collection, String partition) {
		Names.requireValid(collection, COLLECTION_NAME);
		Names.requireValid(partition, PARTITION_NAME);
	}

	private static List<String> check(String collection, String[] partitions) {
		Names.requireValid(collection, COLLECTION_NAME);
		List<String> names = List.of(partitions);
		if (names.isEmpty()) {
			throw new MilvusInvalidArgumentException("Name at least one partition of collection '" + collection + "'");
		}
		names.forEach((partition) -> Names.requireValid(partition, PARTITION_NAME));
		return names;
	}

	private static String describe(String verb, String collection, String partition) {
		return verb + " partition '" + partition + "' of collection '" + collection + "'";
	}

	private static String partitions(String collection, List<String> names) {
		return "partitions " + AdminCodec.quoted(names) + " of collection '" + collection + "'";
	}

}
