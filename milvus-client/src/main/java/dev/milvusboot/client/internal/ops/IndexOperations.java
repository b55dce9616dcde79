package dev.milvusboot.client.internal.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusException.ErrorDetails;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.CreateIndexRequest;
import dev.milvusboot.client.internal.proto.DescribeIndexRequest;
import dev.milvusboot.client.internal.proto.DescribeIndexResponse;
import dev.milvusboot.client.internal.proto.DropIndexRequest;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexState;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, describing, listing and dropping indexes. Build parameters are sent the way pymilvus sends them:
 * {@code index_type}, {@code metric_type} and {@code params} as one JSON object, which both Milvus and Milvus Lite
 * read. Internal API.
 */
public final class IndexOperations {

	private static final String INDEX_TYPE = "index_type";

	private static final String METRIC_TYPE = "metric_type";

	private static final String PARAMS = "params";

	private final ClientCore core;

	private final CallSettings settings;

	public IndexOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/** Creates an index and, if asked, waits until the server reports it built. */
	public void create(IndexParams index, boolean waitUntilBuilt) {
		Objects.requireNonNull(index, "index");
		create(Deadline.start(this.core, this.settings), index, waitUntilBuilt);
	}

	static void create(Deadline deadline, IndexParams index, boolean waitUntilBuilt) {
		String collection = index.collectionName();
		CreateIndexRequest.Builder request = CreateIndexRequest.newBuilder()
			.setCollectionName(collection)
			.setFieldName(index.fieldName())
			.setIndexName(index.indexName())
			.addExtraParams(CollectionOperations.pair(INDEX_TYPE, index.indexType()));
		if (index.metricType() != null) {
			request.addExtraParams(CollectionOperations.pair(METRIC_TYPE, index.metricType()));
		}
		if (!index.params().isEmpty()) {
			request.addExtraParams(CollectionOperations.pair(PARAMS, AdminCodec.toJson(index.params())));
		}
		String what = "index '" + index.indexName() + "' on field '" + index.fieldName() + "' of collection '"
				+ collection + "'";
		deadline.call(AdminCodec.rpc("createIndex", collection, "create " + what,
				MilvusServiceGrpc.getCreateIndexMethod(), request.build(), (s) -> s));
		if (waitUntilBuilt) {
			IndexDescription built = deadline.await(what + " to be built", () -> find(deadline, collection, index),
					(description) -> description != null
							&& (description.state() == IndexState.FINISHED || description.state() == IndexState.FAILED),
					(description) -> (description != null) ? description.state() + ", " + description.indexedRows()
							+ " of " + description.totalRows() + " rows indexed" : "not visible yet");
			if (built.state() == IndexState.FAILED) {
				throw new MilvusException("Building " + what + " failed: "
						+ (built.failureReason().isEmpty() ? "no reason given" : built.failureReason()));
			}
		}
	}

	/** The index being built, by name or else by field; {@code null} while the server does not show it yet. */
	private static IndexDescription find(Deadline deadline, String collection, IndexParams index) {
		List<IndexDescription> all = describeAll(deadline, collection);
		IndexDescription found = select(all, index.indexName());
		return (found != null) ? found : select(all, index.fieldName());
	}

	/** Describes one index, found by its name or else by its field. */
	public IndexDescription describe(String collection, String indexNameOrField) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(indexNameOrField, "index or field name");
		return describe(Deadline.start(this.core, this.settings), collection, indexNameOrField);
	}

	private static IndexDescription describe(Deadline deadline, String collection, String indexNameOrField) {
		List<IndexDescription> all = describeAll(deadline, collection);
		IndexDescription found = select(all, indexNameOrField);
		if (found == null) {
			throw new MilvusNotFoundException("Collection '" + collection + "' has no index named or on field '"
					+ indexNameOrField + "' (its indexes: " + all.stream().map(IndexDescription::indexName).toList()
					+ ")", ResourceType.INDEX, ErrorDetails.CLIENT, null);
		}
		return found;
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
	public List<String> list(String collection) {
		Names.requireValid(collection, "collection name");
		return describeAll(Deadline.start(this.core, this.settings), collection).stream()
			.map(IndexDescription::indexName)
			.toList();
	}

	/** Every index of a collection; an empty list when it has none. */
	static List<IndexDescription> describeAll(Deadline deadline, String collection) {
		DescribeIndexResponse response;
		try {
			response = deadline.call(AdminCodec.rpc("describeIndex", collection,
					"describe indexes of collection '" + collection + "'", MilvusServiceGrpc.getDescribeIndexMethod(),
					DescribeIndexRequest.newBuilder().setCollectionName(collection).build(),
					DescribeIndexResponse::getStatus));
		}
		catch (MilvusNotFoundException ex) {
			if (ex.resourceType() == ResourceType.INDEX) {
				return List.of();
			}
			throw ex;
		}
		List<IndexDescription> descriptions = new ArrayList<>();
		for (dev.milvusboot.client.internal.proto.IndexDescription proto : response.getIndexDescriptionsList()) {
			descriptions.add(fromProto(proto));
		}
		return descriptions;
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
	public void drop(String collection, String indexNameOrField) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(indexNameOrField, "index name");
		Deadline deadline = Deadline.start(this.core, this.settings);
		IndexDescription index = describe(deadline, collection, indexNameOrField);
		deadline.call(AdminCodec.rpc("dropIndex", collection,
				"drop index '" + index.indexName() + "' of collection '" + collection + "'",
				MilvusServiceGrpc.getDropIndexMethod(), DropIndexRequest.newBuilder()
					.setCollectionName(collection)
					.setFieldName(index.fieldName())
					.setIndexName(index.indexName())
					.build(),
				(s) -> s));
	}

}
