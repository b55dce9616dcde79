package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.admin.QuickCollection;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.CreateCollectionRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;

/**
 * Creating collections for {@link CollectionRequests}: the schema checks the server leaves out, the
 * {@code CreateCollection} request, and the indexes and load that may follow under the same deadline.
 */
final class CollectionCreation {

	private CollectionCreation() {
	}

	/** The quick set-up: created, its vector field indexed, loaded. */
	static Command<Void> quick(QuickCollection quick) {
		return create(quick.schema(), CreateCollectionOptions.DEFAULTS, List.of(quick.index()), true);
	}

	/**
	 * Creates a collection, then builds the indexes one after another and loads it if asked.
	 * @param schema the schema
	 * @param options the options
	 * @param indexes the indexes, all of this collection
	 * @param load whether to load it (after the indexes are built)
	 * @return the command
	 */
	static Command<Void> create(CollectionSchema schema, CreateCollectionOptions options, List<IndexParams> indexes,
			boolean load) {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(options, "options");
		Objects.requireNonNull(indexes, "indexes");
		check(schema, options, indexes);
		return (dispatch) -> {
			Deadline deadline = Deadline.start(dispatch);
			CompletableFuture<Void> done = send(dispatch, deadline, schema, options);
			for (IndexParams index : indexes) {
				done = done.thenCompose((previous) -> IndexRequests.create(deadline, index, true));
			}
			return load ? done.thenCompose((indexed) -> CollectionRequests.load(deadline, schema.name())) : done;
		};
	}

	private static void check(CollectionSchema schema, CreateCollectionOptions options, List<IndexParams> indexes) {
		String name = schema.name();
		for (FieldSchema field : schema.fields()) {
			if (field.isFunctionOutput() && schema.functionFilling(field.name()) == null) {
				throw new MilvusInvalidArgumentException("Cannot create collection '" + name + "': field '"
						+ field.name() + "' is a function output, but no function of the schema fills it (a server"
						+ " that describes no functions, such as Milvus Lite 2.5, leaves them out of descriptions:"
						+ " add the function, for example SchemaFunction.bm25)");
			}
		}
		if (options.numPartitions() > 0 && schema.fields().stream().noneMatch(FieldSchema::isPartitionKey)) {
			throw new MilvusInvalidArgumentException("Cannot create collection '" + name + "' with "
					+ options.numPartitions() + " partitions: numPartitions needs a partition key field");
		}
		for (IndexParams index : indexes) {
			Objects.requireNonNull(index, "index");
			if (!index.collectionName().equals(name)) {
				throw new MilvusInvalidArgumentException("Cannot create collection '" + name + "' with an index of"
						+ " collection '" + index.collectionName() + "' (field '" + index.fieldName() + "')");
			}
			if (schema.field(index.fieldName()) == null) {
				throw new MilvusInvalidArgumentException("Cannot create collection '" + name + "' with an index on"
						+ " field '" + index.fieldName() + "', which the schema does not have");
			}
		}
	}

	private static CompletableFuture<Void> send(Dispatch dispatch, Deadline deadline, CollectionSchema schema,
			CreateCollectionOptions options) {
		String name = schema.name();
		requireSupportedDimensions(schema, dispatch.options().maxVectorDimension());
		CollectionRequests.forgetSchema(dispatch, name);
		CreateCollectionRequest.Builder request = CreateCollectionRequest.newBuilder()
			.setCollectionName(name)
			.setSchema(SchemaCodec.toProto(schema).toByteString())
			.setShardsNum(options.shards())
			.setConsistencyLevel(AdminCodec.toProto(options.consistencyLevel()))
			.setNumPartitions(options.numPartitions());
		options.properties().forEach((key, value) -> request.addProperties(CollectionRequests.pair(key, value)));
		return deadline.call(AdminCodec.rpc("createCollection", name, "create collection '" + name + "'",
				MilvusServiceGrpc.getCreateCollectionMethod(), request.build(), (s) -> s)).thenApply((s) -> null);
	}

	/**
	 * Refuses vector fields above Milvus's dimension limit, which Milvus Lite does not enforce: code developed
	 * against it would fail on Milvus.
	 */
	private static void requireSupportedDimensions(CollectionSchema schema, int limit) {
		for (FieldSchema field : schema.fields()) {
			boolean binary = field.dataType() == DataType.BINARY_VECTOR;
			long fieldLimit = binary ? 8L * limit : limit;
			if (field.dataType().isVector() && field.dimension() > fieldLimit) {
				throw new MilvusInvalidArgumentException("Cannot create collection '" + schema.name() + "': "
						+ (binary ? "binary " : "") + "vector field '" + field.name() + "' has dimension "
						+ field.dimension() + ", above " + fieldLimit + ", Milvus's default limit"
						+ (binary ? " for binary vectors (eight times proxy.maxDimension)" : "")
						+ ". A Milvus server raises it with proxy.maxDimension; then raise the client's with "
						+ "MilvusClientOptions.Builder#maxVectorDimension (now " + limit + ")");
			}
		}
	}

}
