package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.internal.proto.CreateIndexRequest;
import dev.milvusboot.client.internal.proto.DescribeIndexRequest;
import dev.milvusboot.client.internal.proto.DescribeIndexResponse;
import dev.milvusboot.client.internal.proto.DropIndexRequest;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusIndexCommands}: creating, describing, listing,
 * altering and dropping indexes. Build parameters are sent the way pymilvus sends them: {@code index_type}, {@code metric_type}
 * and {@code params} as one JSON object, which both Milvus and Milvus Lite read. Internal API.
 */
public final class IndexRequests {

	private static final String INDEX_TYPE = "index_type";

	private static final String METRIC_TYPE = "metric_type";

	private static final String PARAMS = "params";

	private IndexRequests() {
	}

	public static Command<Void> createIndex(IndexParams index) {
		return createIndex(index, true);
	}

	/** Creates an index and, if asked, waits until the server reports it built. */
	public static Command<Void> createIndex(IndexParams index, boolean waitUntilBuilt) {
		Objects.requireNonNull(index, "index");
		return (dispatch) -> create(Deadline.start(dispatch), index, waitUntilBuilt);
	}

	static CompletableFuture<Void> create(Deadline deadline, IndexParams index, boolean waitUntilBuilt) {
		String collection = index.collectionName();
		CreateIndexRequest.Builder request = CreateIndexRequest.newBuilder()
			.setCollectionName(collection)
			.setFieldName(index.fieldName())
			.setIndexName(index.indexName())
			.addExtraParams(CollectionRequests.pair(INDEX_TYPE, index.indexType()));
		if (index.metricType() != null) {
			request.addExtraParams(CollectionRequests.pair(METRIC_TYPE, index.metricType()));
		}
		if (!index.params().isEmpty()) {
			request.addExtraParams(CollectionRequests.pair(PARAMS, AdminCodec.toJson(index.params())));
		}
		String what = "index '" + index.indexName() + "' on field '" + index.fieldName() + "' of collection '"
				+ collection + "'";
		CompletableFuture<dev.milvusboot.client.internal.proto.Status> created = deadline.call(AdminCodec.rpc("createIndex", collection, "create " + what,
				MilvusServiceGrpc.getCreateIndexMethod(), request.build(), (s) -> s));
		if (!waitUntilBuilt) {
			return created.thenApply((status) -> null);
		}
		return created
			.thenCompose((status) -> deadline.await(what + " to be built", () -> find(deadline, collection, index),
					(description) -> description != null
							&& (description.state() == IndexState.FINISHED || description.state() == IndexState.FAILED),
					(description) -> (description != null) ? description.state() + ", " + description.indexedRows()
							+ " of " + description.totalRows() + " rows indexed" : "not visible yet"))
			.thenApply((built) -> {
				if (built.state() == IndexState.FAILED) {
					throw new MilvusException("Building " + what + " failed: "
							+ (built.failureReason().isEmpty() ? "no reason given" : built.failureReason()));
				}
				return null;
			});
	}

	/** The index being built, by name or else by field; {@code null} while the server does not show it yet. */
	private static CompletableFuture<IndexDescription> find(Deadline deadline, String collection, IndexParams index) {
		return describeAll(deadline, collection).thenApply((all) -> {
			IndexDescription found = select(all, index.indexName());
			return (found != null) ? found : select(all, index.fieldName());
		});
	}

	/** Describes one index, found by its name or else by its field. */
	public static Command<IndexDescription> describeIndex(String collection, String indexNameOrField) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(indexNameOrField, "index or field name");
		return (dispatch) -> describe(Deadline.start(dispatch), collection, indexNameOrField);
	}

	private static CompletableFuture<IndexDescription> describe(Deadline deadline, String collection,
			String indexNameOrField) {
		return describeAll(deadline, collection).thenApply((all) -> {
			IndexDescription found = select(all, indexNameOrField);
			if (found == null) {
				throw new MilvusNotFoundException("Collection '" + collection + "' has no index named or on field '"
						+ indexNameOrField + "' (its indexes: " + all.stream().map(IndexDescription::indexName).toList()
						+ ")", ResourceType.INDEX, ErrorDetails.CLIENT, null);
			}
			return found;
		});
	}

	/** The index with that name, else the only index on the field of that name, else {@code null}. */
	private static IndexDescription select(List<IndexDescription> all, String indexNameOrField) {
		for (IndexDescription description : all) {
			if (description.indexName().equals(indexNameOrField)) {
				return description;
			}
		}
		List<IndexDescription> onField = all.stream()
			.filter((description) -> description.fieldName().equals(indexNameOrField))
			.toList();
		return (onField.size() == 1) ? onField.get(0) : null;
	}

	/** The names of the indexes of a collection. */
	public static Command<List<String>> listIndexes(String collection) {
		Names.requireValid(collection, "collection name");
		return (dispatch) -> describeAll(Deadline.start(dispatch), collection)
			.thenApply((all) -> all.stream().map(IndexDescription::indexName).toList());
	}

	/** Every index of a collection; an empty list when it has none. */
	private static CompletableFuture<List<IndexDescription>> describeAll(Deadline deadline, String collection) {
		return deadline
			.call(AdminCodec.rpc("describeIndex", collection, "describe indexes of collection '" + collection + "'",
					MilvusServiceGrpc.getDescribeIndexMethod(),
					DescribeIndexRequest.newBuilder().setCollectionName(collection).build(),
					DescribeIndexResponse::getStatus))
			.handle((response, failure) -> {
				if (failure != null) {
					RuntimeException cause = Futures.unwrap(failure);
					if (cause instanceof MilvusNotFoundException notFound
							&& notFound.resourceType() == ResourceType.INDEX) {
						return List.of();
					}
					throw cause;
				}
				List<IndexDescription> descriptions = new ArrayList<>();
				for (dev.milvusboot.client.internal.proto.IndexDescription proto : response
					.getIndexDescriptionsList()) {
					descriptions.add(fromProto(proto));
				}
				return descriptions;
			});
	}

	private static IndexDescription fromProto(dev.milvusboot.client.internal.proto.IndexDescription proto) {
		String indexType = "";
		String metricType = null;
		Map<String, String> params = new LinkedHashMap<>();
		for (KeyValuePair pair : proto.getParamsList()) {
			switch (pair.getKey()) {
				case INDEX_TYPE -> indexType = pair.getValue();
				// Milvus Lite reports the metric of a scalar index as "NONE".
				case METRIC_TYPE -> metricType = (pair.getValue().isEmpty() || "NONE".equalsIgnoreCase(pair.getValue()))
						? null : pair.getValue();
				case PARAMS -> params.putAll(AdminCodec.jsonObjectMembers(pair.getValue()));
				case "search_params" -> {
				}
				default -> params.put(pair.getKey(), pair.getValue());
			}
		}
		return new IndexDescription(proto.getIndexName(), proto.getFieldName(), indexType, metricType, params,
				AdminCodec.fromProto(proto.getState()), proto.getIndexedRows(), proto.getTotalRows(),
				proto.getPendingIndexRows(), proto.getIndexStateFailReason());
	}

	/** Drops an index, found by its name or else by its field. */
	public static Command<Void> dropIndex(String collection, String indexNameOrField) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(indexNameOrField, "index name");
		return (dispatch) -> {
			Deadline deadline = Deadline.start(dispatch);
			return describe(deadline, collection, indexNameOrField)
				.thenCompose((index) -> deadline.call(AdminCodec.rpc("dropIndex", collection,
						"drop index '" + index.indexName() + "' of collection '" + collection + "'",
						MilvusServiceGrpc.getDropIndexMethod(), DropIndexRequest.newBuilder()
							.setCollectionName(collection)
							.setFieldName(index.fieldName())
							.setIndexName(index.indexName())
							.build(),
						(s) -> s)))
				.thenApply((dropped) -> null);
		};
	}

	/** Sets properties of an index, such as {@code mmap.enabled} (Milvus 2.5+). */
	public static Command<Void> alterIndexProperties(String collection, String indexName,
			Map<String, String> properties) {
		return alterIndex(collection, indexName,
				SchemaChanges.alterIndex(collection, indexName, Objects.requireNonNull(properties, "properties"), null),
				"set properties of");
	}

	/** Drops properties of an index, which then fall back to the server's defaults (Milvus 2.5+). */
	public static Command<Void> dropIndexProperties(String collection, String indexName, List<String> keys) {
		return alterIndex(collection, indexName,
				SchemaChanges.alterIndex(collection, indexName, null, Objects.requireNonNull(keys, "keys")),
				"drop properties of");
	}

	private static Command<Void> alterIndex(String collection, String indexName,
			dev.milvusboot.client.internal.proto.AlterIndexRequest request, String verb) {
		return Command.unary(AdminCodec.rpc("alterIndex", collection,
				verb + " index '" + indexName + "' of collection '" + collection + "'",
				MilvusServiceGrpc.getAlterIndexMethod(), request, (s) -> s));
	}

}
