package dev.milvusboot.client.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.admin.QuickCollection;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.AlterCollectionRequest;
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
import dev.milvusboot.client.internal.proto.TruncateCollectionRequest;
import dev.milvusboot.client.internal.proto.TruncateCollectionResponse;
import dev.milvusboot.client.internal.transport.Rpc;
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
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusCollectionCommands}: creating, describing, listing,
 * renaming, dropping, counting, loading and releasing collections. Arguments are checked when a command is built,
 * before anything is sent. Internal API.
 */
public final class CollectionRequests {

	private static final String COLLECTION_NAME = "collection name";

	private CollectionRequests() {
	}

	public static Command<Void> createCollection(String name, int dimension, MetricType metric) {
		return createCollection(name, dimension, metric, true);
	}

	/**
	 * The classic quick set-up: an int64 primary key {@code id}, a float vector {@code vector}, the dynamic field,
	 * the vector indexed with {@code AUTOINDEX} and the metric, loaded; one deadline for all.
	 */
	public static Command<Void> createCollection(String name, int dimension, MetricType metric, boolean autoId) {
		Names.requireValid(name, COLLECTION_NAME);
		Objects.requireNonNull(metric, "metric");
		return CollectionCreation.quick(QuickCollection.builder(name, dimension).metric(metric).autoId(autoId).build());
	}

	/** The quick set-up with its id type and field names; indexed and loaded, one deadline for all. */
	public static Command<Void> createCollection(QuickCollection quick) {
		return CollectionCreation.quick(Objects.requireNonNull(quick, "quick"));
	}

	public static Command<Void> createCollection(CollectionSchema schema) {
		return createCollection(schema, CreateCollectionOptions.DEFAULTS);
	}

	/** Creates a collection from a schema, without indexes and not loaded. */
	public static Command<Void> createCollection(CollectionSchema schema, CreateCollectionOptions options) {
		return CollectionCreation.create(schema, options, List.of(), false);
	}

	/** Creates a collection from a schema, builds its indexes and loads it; one deadline for all. */
	public static Command<Void> createCollection(CollectionSchema schema, List<IndexParams> indexes,
			CreateCollectionOptions options) {
		return CollectionCreation.create(schema, options, indexes, true);
	}

	/** Adds a nullable field to an existing collection (Milvus 2.6+). */
	public static Command<Void> addCollectionField(String collection, FieldSchema field) {
		return forgetting(List.of(collection), Command.unary(AdminCodec.rpc("addCollectionField", collection,
				"add field '" + ((field != null) ? field.name() : null) + "' to collection '" + collection + "'",
				MilvusServiceGrpc.getAddCollectionFieldMethod(), SchemaChanges.addField(collection, field), (s) -> s)));
	}

	/** Sets properties of a collection, such as {@code collection.ttl.seconds} or {@code mmap.enabled}. */
	public static Command<Void> alterCollectionProperties(String collection, Map<String, String> properties) {
		return alterCollection(collection, SchemaChanges.alterCollection(collection,
				Objects.requireNonNull(properties, "properties"), null), "set properties of");
	}

	/** Drops properties of a collection, which then fall back to the server's defaults. */
	public static Command<Void> dropCollectionProperties(String collection, List<String> keys) {
		return alterCollection(collection,
				SchemaChanges.alterCollection(collection, null, Objects.requireNonNull(keys, "keys")),
				"drop properties of");
	}

	private static Command<Void> alterCollection(String collection, AlterCollectionRequest request, String verb) {
		return Command.unary(AdminCodec.rpc("alterCollection", collection, verb + " collection '" + collection + "'",
				MilvusServiceGrpc.getAlterCollectionMethod(), request, (s) -> s));
	}

	/** Sets properties of a field, such as {@code max_length} or {@code mmap.enabled} (Milvus 2.5+). */
	public static Command<Void> alterCollectionField(String collection, String field, Map<String, String> properties) {
		return forgetting(List.of(collection), Command.unary(AdminCodec.rpc("alterCollectionField", collection,
				"set properties of field '" + field + "' of collection '" + collection + "'",
				MilvusServiceGrpc.getAlterCollectionFieldMethod(),
				SchemaChanges.alterField(collection, field, Objects.requireNonNull(properties, "properties")),
				(s) -> s)));
	}

	/** Whether a collection (or an alias) of that name exists. */
	public static Command<Boolean> hasCollection(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return Command.unary(AdminCodec.rpc("hasCollection", name, "check collection '" + name + "'",
				MilvusServiceGrpc.getHasCollectionMethod(),
				HasCollectionRequest.newBuilder().setCollectionName(name).build(), BoolResponse::getStatus),
				BoolResponse::getValue);
	}

	public static Command<CollectionDescription> describeCollection(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return Command.unary(describeRpc(name), (response) -> describe(response, name));
	}

	/** The description of a collection from the server's answer. */
	static CollectionDescription describe(DescribeCollectionResponse response, String name) {
		// The schema names the collection itself; Milvus echoes the requested name (maybe an alias) elsewhere.
		String actualName = !response.getSchema().getName().isEmpty() ? response.getSchema().getName()
				: !response.getCollectionName().isEmpty() ? response.getCollectionName() : name;
		CollectionSchema schema = SchemaCodec.fromProto(response.getSchema(), actualName);
		return new CollectionDescription(actualName, response.getDbName(), response.getCollectionID(), schema,
				response.getAliasesList(), AdminCodec.fromProto(response.getConsistencyLevel()),
				response.getShardsNum(), createdAt(response), SchemaCodec.toMap(response.getPropertiesList()),
				response.getNumPartitions());
	}

	/** The {@code DescribeCollection} call. */
	static Rpc<DescribeCollectionRequest, DescribeCollectionResponse> describeRpc(String name) {
		return AdminCodec.rpc("describeCollection", name, "describe collection '" + name + "'",
				MilvusServiceGrpc.getDescribeCollectionMethod(),
				DescribeCollectionRequest.newBuilder().setCollectionName(name).build(),
				DescribeCollectionResponse::getStatus);
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

	public static Command<List<String>> listCollections() {
		return Command.unary(AdminCodec.rpc("listCollections", null, "list collections",
				MilvusServiceGrpc.getShowCollectionsMethod(), ShowCollectionsRequest.getDefaultInstance(),
				ShowCollectionsResponse::getStatus), (response) -> List.copyOf(response.getCollectionNamesList()));
	}

	public static Command<Void> dropCollection(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return forgetting(List.of(name), Command.unary(AdminCodec.rpc("dropCollection", name,
				"drop collection '" + name + "'", MilvusServiceGrpc.getDropCollectionMethod(),
				DropCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s)));
	}

	public static Command<Void> truncateCollection(String name) {
		return Command.unary(AdminCodec.rpc("truncateCollection", name, "truncate collection '" + name + "'",
				MilvusServiceGrpc.getTruncateCollectionMethod(), truncateRequest(name),
				TruncateCollectionResponse::getStatus));
	}

	static TruncateCollectionRequest truncateRequest(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return TruncateCollectionRequest.newBuilder().setCollectionName(name).build();
	}

	public static Command<Void> renameCollection(String oldName, String newName) {
		Names.requireValid(oldName, COLLECTION_NAME);
		Names.requireValid(newName, "new collection name");
		return forgetting(List.of(oldName, newName), Command.unary(AdminCodec.rpc("renameCollection", oldName,
				"rename collection '" + oldName + "' to '" + newName + "'", MilvusServiceGrpc.getRenameCollectionMethod(),
				RenameCollectionRequest.newBuilder().setOldName(oldName).setNewName(newName).build(), (s) -> s)));
	}

	/** The row count the server reports in the collection's statistics. */
	public static Command<Long> rowCount(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return Command.unary(AdminCodec.rpc("getCollectionStatistics", name,
				"get statistics of collection '" + name + "'", MilvusServiceGrpc.getGetCollectionStatisticsMethod(),
				GetCollectionStatisticsRequest.newBuilder().setCollectionName(name).build(),
				GetCollectionStatisticsResponse::getStatus), (response) -> rowCount(name, response));
	}

	private static long rowCount(String name, GetCollectionStatisticsResponse response) {
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
	public static Command<Void> loadCollection(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return (dispatch) -> load(Deadline.start(dispatch), name);
	}

	static CompletableFuture<Void> load(Deadline deadline, String name) {
		return deadline
			.call(AdminCodec.rpc("loadCollection", name, "load collection '" + name + "'",
					MilvusServiceGrpc.getLoadCollectionMethod(),
					LoadCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s))
			.thenCompose((loading) -> awaitLoaded(deadline, name, List.of(), "collection '" + name + "' to load"));
	}

	/** Polls the loading progress of a collection or some of its partitions until it reaches 100%. */
	static CompletableFuture<Void> awaitLoaded(Deadline deadline, String collection, List<String> partitions,
			String what) {
		GetLoadingProgressRequest request = GetLoadingProgressRequest.newBuilder()
			.setCollectionName(collection)
			.addAllPartitionNames(partitions)
			.build();
		return deadline
			.await(what,
					() -> deadline.call(AdminCodec.rpc("getLoadingProgress", collection,
							"get loading progress of collection '" + collection + "'",
							MilvusServiceGrpc.getGetLoadingProgressMethod(), request,
							GetLoadingProgressResponse::getStatus)),
					(response) -> response.getProgress() >= 100,
					(response) -> "progress " + response.getProgress() + "%")
			.thenApply((loaded) -> null);
	}

	public static Command<Void> releaseCollection(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return Command.unary(AdminCodec.rpc("releaseCollection", name, "release collection '" + name + "'",
				MilvusServiceGrpc.getReleaseCollectionMethod(),
				ReleaseCollectionRequest.newBuilder().setCollectionName(name).build(), (s) -> s));
	}

	public static Command<LoadState> loadState(String name) {
		Names.requireValid(name, COLLECTION_NAME);
		return Command.unary(AdminCodec.rpc("getLoadState", name, "get load state of collection '" + name + "'",
				MilvusServiceGrpc.getGetLoadStateMethod(),
				GetLoadStateRequest.newBuilder().setCollectionName(name).build(), GetLoadStateResponse::getStatus),
				(response) -> AdminCodec.fromProto(response.getState()));
	}

	/** A command that first drops the cached schemas of collections whose schema it changes. */
	private static <R> Command<R> forgetting(List<String> collections, Command<R> command) {
		return new Command<>() {

			@Override
			public CompletableFuture<R> executeAsync(Dispatch dispatch) {
				collections.forEach((collection) -> forgetSchema(dispatch, collection));
				return command.executeAsync(dispatch);
			}

			@Override
			public R execute(Dispatch dispatch) {
				collections.forEach((collection) -> forgetSchema(dispatch, collection));
				return command.execute(dispatch);
			}

		};
	}

	static void forgetSchema(Dispatch dispatch, String collection) {
		dispatch.schemas().invalidate(dispatch.settings().database(), collection);
	}

	static KeyValuePair pair(String key, String value) {
		return KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

}
