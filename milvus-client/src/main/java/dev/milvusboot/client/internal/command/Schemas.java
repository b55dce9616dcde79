package dev.milvusboot.client.internal.command;

import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.DescribeCollectionRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.Names;

/**
 * The schemas the data commands encode with: from the client's cache, else fetched with {@code DescribeCollection}
 * without blocking, and forgotten when a call suggests they changed. Internal API.
 */
final class Schemas {

	private Schemas() {
	}

	/**
	 * The schema of a collection, from the cache or the server.
	 * @param dispatch the dispatch (its database)
	 * @param collection the collection
	 * @return the future schema
	 */
	static CompletableFuture<CollectionSchema> load(Dispatch dispatch, String collection) {
		String database = dispatch.settings().database();
		CollectionSchema cached = dispatch.schemas().cached(database, collection);
		if (cached != null) {
			return CompletableFuture.completedFuture(cached);
		}
		return dispatch.callAsync(describe(dispatch, collection)).thenApply((response) -> {
			CollectionSchema schema = SchemaCodec.fromProto(response.getSchema(), collection);
			dispatch.schemas().put(database, collection, schema);
			return schema;
		});
	}

	/**
	 * The schema of a collection, from the cache or the server, fetched on the caller's thread.
	 * @param dispatch the dispatch (its database)
	 * @param collection the collection
	 * @return the schema
	 */
	static CollectionSchema loadBlocking(Dispatch dispatch, String collection) {
		return dispatch.schemas().get(dispatch.settings().database(), collection,
				() -> SchemaCodec.fromProto(dispatch.call(describe(dispatch, collection)).getSchema(), collection));
	}

	private static Rpc<DescribeCollectionRequest, DescribeCollectionResponse> describe(Dispatch dispatch,
			String collection) {
		DescribeCollectionRequest.Builder request = DescribeCollectionRequest.newBuilder()
			.setCollectionName(Names.requireValid(collection, "collection name"));
		return Rpc.of("describeCollection", collection, MilvusServiceGrpc.getDescribeCollectionMethod(),
				request.build(), DescribeCollectionResponse::getStatus);
	}

	/** Forgets a collection's schema after a failure that may come from a changed schema. */
	static void invalidateOnSchemaError(Dispatch dispatch, String collection, Throwable failure) {
		if (failure instanceof MilvusInvalidArgumentException || failure instanceof MilvusNotFoundException) {
			dispatch.schemas().invalidate(dispatch.settings().database(), collection);
		}
	}

}
