package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.util.List;

import dev.milvusboot.client.internal.proto.DescribeCollectionRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionResponse;
import dev.milvusboot.client.internal.proto.GetLoadingProgressRequest;
import dev.milvusboot.client.internal.proto.GetLoadingProgressResponse;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;

/**
 * What the partition and maintenance operations still share with collections until they move to
 * {@code internal.command} ({@code CollectionRequests} has the collection commands). Internal API.
 */
final class CollectionOperations {

	private CollectionOperations() {
	}

	static DescribeCollectionResponse describeRaw(Deadline deadline, String name) {
		return deadline.call(AdminCodec.rpc("describeCollection", name, "describe collection '" + name + "'",
				MilvusServiceGrpc.getDescribeCollectionMethod(),
				DescribeCollectionRequest.newBuilder().setCollectionName(name).build(),
				DescribeCollectionResponse::getStatus));
	}

	/** Polls the loading progress of a collection or some of its partitions until it reaches 100%. */
	static void awaitLoaded(Deadline deadline, String collection, List<String> partitions, String what) {
		GetLoadingProgressRequest request = GetLoadingProgressRequest.newBuilder()
			.setCollectionName(collection)
			.addAllPartitionNames(partitions)
			.build();
		deadline.await(what,
				() -> deadline.call(AdminCodec.rpc("getLoadingProgress", collection,
						"get loading progress of collection '" + collection + "'",
						MilvusServiceGrpc.getGetLoadingProgressMethod(), request,
						GetLoadingProgressResponse::getStatus)),
				(response) -> response.getProgress() >= 100, (response) -> "progress " + response.getProgress() + "%");
	}

	static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

}
