package dev.milvusboot.client.internal.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.BoolResponse;
import dev.milvusboot.client.internal.proto.CreateCollectionRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionRequest;
import dev.milvusboot.client.internal.proto.DescribeCollectionResponse;
import dev.milvusboot.client.internal.proto.DropCollectionRequest;
import dev.milvusboot.client.internal.proto.GetCollectionStatisticsRequest;
import dev.milvusboot.client.internal.proto.GetCollectionStatisticsResponse;
import dev.milvusboot.client.internal.proto.GetLoadStateRequest;
import dev.milvusboot.client.internal.proto.GetLoadStateResponse;
import dev.milvusboot.client.internal.proto.GetLoadingProgressRequest;
import dev.milvusboot.client.internal.proto.GetLoadingProgressResponse;
import dev.milvusboot.client.internal.proto.HasCollectionRequest;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.LoadCollectionRequest;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.ReleaseCollectionRequest;
import dev.milvusboot.client.internal.proto.RenameCollectionRequest;
import dev.milvusboot.client.internal.proto.ShowCollectionsRequest;
import dev.milvusboot.client.internal.proto.ShowCollectionsResponse;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.LoadState;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, describing, listing, renaming, dropping, loading and releasing collections. Internal API.
 */
public final class CollectionOperations {

	private static final String COLLECTION_NAME = "collection name";

	private final ClientCore core;

	private final CallSettings settings;

	public CollectionOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/**
	 * The quick set-up: creates a collection with an int64 primary key {@code id}, a float vector {@code vector}
	 * and the dynamic field, indexes the vector with {@code AUTOINDEX} and the metric, and loads it.
	 */
	public void createQuick(String name, int dimension, MetricType metric, boolean autoId) {
		Names.requireValid(name, COLLECTION_NAME);
		Objects.requireNonNull(metric, "metric");
		CollectionSchema schema = CollectionSchema.builder(name)
			.field(FieldSchema.int64Id(CollectionSchema.DEFAULT_ID_FIELD, autoId))
			.field(FieldSchema.floatVector(CollectionSchema.DEFAULT_VECTOR_FIELD, dimension))
			.dynamicField(true)
			.build();
		Deadline deadline = Deadline.start(this.core, this.settings);
		create(deadline, schema, CreateCollectionOptions.DEFAULTS);
		IndexOperations.create(deadline,
				IndexParams.of(name, CollectionSchema.DEFAULT_VECTOR_FIELD, IndexType.AUTOINDEX, metric), true);
		load(deadline, name);
	}

	/** Creates a collection from a schema, without indexes and not loaded. */
	public void create(CollectionSchema schema, CreateCollectionOptions options) {
		Objects.requireNonNull(schema, "schema");
		Objects.requireNonNull(options, "options");
		create(Deadline.start(this.core, this.settings), schema, options);
	}

	private void create(Deadline deadline, CollectionSchema schema, CreateCollectionOptions options) {
		String name = schema.name();
		requireSupportedDimensions(schema, this.core.options().maxVectorDimension());
		CreateCollectionRequest.Builder request = CreateCollectionRequest.newBuilder()
			.setCollectionName(name)
			.setSchema(SchemaCodec.toProto(schema).toByteString())
			.setShardsNum(options.shards())
			.setConsistencyLevel(AdminCodec.toProto(options.consistencyLevel()));
		options.properties().forEach((key, value) -> request.addProperties(pair(key, value)));
		deadline.call(AdminCodec.rpc("createCollection", name, "create collection '" + name + "'",
				MilvusServiceGrpc.getCreateCollectionMethod(), request.build(), (s) -> s));
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

	/** Whether a collection (or an alias) of that name exists. */
	public boolean has(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		BoolResponse response = call(AdminCodec.rpc("hasCollection", name, "check collection '" + name + "'",
				MilvusServiceGrpc.getHasCollectionMethod(),
				HasCollectionRequest.newBuilder().setCollectionName(name).build(), BoolResponse::getStatus));
		return response.getValue();
	}

	/** Describes a collection. */
	public CollectionDescription describe(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return describe(Deadline.start(this.core, this.settings), name);
	}

	static CollectionDescription describe(Deadline deadline, String name) {
		DescribeCollectionResponse response = describeRaw(deadline, name);
		// The schema names the collection itself; Milvus echoes the requested name (maybe an alias) elsewhere.
		String actualName = !response.getSchema().getName().isEmpty() ? response.getSchema().getName()
				: !response.getCollectionName().isEmpty() ? response.getCollectionName() : name;
		CollectionSchema schema = SchemaCodec.fromProto(response.getSchema(), actualName);
		return new CollectionDescription(actualName, response.getDbName(), response.getCollectionID(), schema,
				response.getAliasesList(), AdminCodec.fromProto(response.getConsistencyLevel()),
				response.getShardsNum(), createdAt(response), SchemaCodec.toMap(response.getPropertiesList()));
	}

	static DescribeCollectionResponse describeRaw(Deadline deadline, String name) {
		return deadline.call(AdminCodec.rpc("describeCollection", name, "describe collection '" + name + "'",
				MilvusServiceGrpc.getDescribeCollectionMethod(),
				DescribeCollectionRequest.newBuilder().setCollectionName(name).build(),
				DescribeCollectionResponse::getStatus));
	}

	/** When the collection was created: the server's UTC milliseconds, else the physical part of its timestamp. */
	private static Instant createdAt(DescribeCollectionResponse response) {
		if (response.getCreatedUtcTimestamp() > 0) {
			return Instant.ofEpochMilli(response.getCreatedUtcTimestamp());
		}
		if (response.getCreatedTimestamp() > 0) {
			return Instant.ofEpochMilli(response.getCreatedTimestamp() >>> 18);
		}
		return null;
	}

	/** The names of the collections of the database. */
	public List<String> list() {
		ShowCollectionsResponse response = call(AdminCodec.rpc("listCollections", null, "list collections",
				MilvusServiceGrpc.getShowCollectionsMethod(), ShowCollectionsRequest.getDefaultInstance(),
				ShowCollectionsResponse::getStatus));
		return List.copyOf(response.getCollectionNamesList());
	}

	/** Drops a collection. */
	public void drop(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		call(AdminCodec.rpc("dropCollection", name, "drop collection '" + name + "'",
				MilvusServiceGrpc.getDropCollectionMethod(),
				DropCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s));
	}

	/** Renames a collection within its database. */
	public void rename(String oldName, String newName) {
		Names.requireValid(oldName, COLLECTION_NAME);
		Names.requireValid(newName, "new collection name");
		call(AdminCodec.rpc("renameCollection", oldName,
				"rename collection '" + oldName + "' to '" + newName + "'",
				MilvusServiceGrpc.getRenameCollectionMethod(),
				RenameCollectionRequest.newBuilder().setOldName(oldName).setNewName(newName).build(), (s) -> s));
	}

	/** The row count the server reports in the collection's statistics. */
	public long rowCount(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		GetCollectionStatisticsResponse response = call(AdminCodec.rpc("getCollectionStatistics", name,
				"get statistics of collection '" + name + "'", MilvusServiceGrpc.getGetCollectionStatisticsMethod(),
				GetCollectionStatisticsRequest.newBuilder().setCollectionName(name).build(),
				GetCollectionStatisticsResponse::getStatus));
		Map<String, String> stats = SchemaCodec.toMap(response.getStatsList());
		String rows = stats.get("row_count");
		if (rows == null) {
			throw new MilvusException("The statistics of collection '" + name + "' have no row_count: " + stats);
		}
		try {
			return Long.parseLong(rows.trim());
		}
		catch (NumberFormatException ex) {
			throw new MilvusException("The row_count of collection '" + name + "' is not a number: " + rows);
		}
	}

	/** Loads a collection and waits until it is loaded. */
	public void load(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		load(Deadline.start(this.core, this.settings), name);
	}

	private static void load(Deadline deadline, String name) {
		deadline.call(AdminCodec.rpc("loadCollection", name, "load collection '" + name + "'",
				MilvusServiceGrpc.getLoadCollectionMethod(),
				LoadCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s));
		awaitLoaded(deadline, name, List.of(), "collection '" + name + "' to load");
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

	/** Releases a collection from memory. */
	public void release(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		call(AdminCodec.rpc("releaseCollection", name, "release collection '" + name + "'",
				MilvusServiceGrpc.getReleaseCollectionMethod(),
				ReleaseCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s));
	}

	/** Whether a collection is loaded. */
	public LoadState loadState(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		GetLoadStateResponse response = call(AdminCodec.rpc("getLoadState", name,
				"get load state of collection '" + name + "'", MilvusServiceGrpc.getGetLoadStateMethod(),
				GetLoadStateRequest.newBuilder().setCollectionName(name).build(), GetLoadStateResponse::getStatus));
		return AdminCodec.fromProto(response.getState());
	}

	private <Q, R> R call(dev.milvusboot.client.internal.transport.Rpc<Q, R> rpc) {
		return this.core.call(rpc, this.settings);
	}

	static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

}
