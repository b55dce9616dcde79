package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusPartialWriteException;
import dev.milvusboot.client.internal.codec.EncodedWrite;
import dev.milvusboot.client.internal.codec.EncodedFilter;
import dev.milvusboot.client.internal.codec.FilterSyntax;
import dev.milvusboot.client.internal.codec.MissingDefaults;
import dev.milvusboot.client.internal.codec.PartialRows;
import dev.milvusboot.client.internal.codec.RowEncoder;
import dev.milvusboot.client.internal.proto.DeleteRequest;
import dev.milvusboot.client.internal.proto.MsgBase;
import dev.milvusboot.client.internal.proto.MsgType;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusWriteCommands}: inserts, upserts and deletes.
 * Names and the input that needs no schema are checked when a command is built; the schema is then loaded
 * without blocking, the rows are encoded and checked, and the batches are sent one after the other, each when
 * the previous one was answered, so that a failure leaves a known prefix written
 * ({@link MilvusPartialWriteException}). Internal API.
 */
public final class WriteRequests {

	private static final String PARTITION_NAME = "partition name";

	private WriteRequests() {
	}

	public static Command<MutationResult> insert(String collection, List<? extends Map<String, ?>> rows) {
		return write(false, collection, null, rows);
	}

	public static Command<MutationResult> insert(String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		return write(false, collection, partition, rows);
	}

	public static Command<MutationResult> upsert(String collection, List<? extends Map<String, ?>> rows) {
		return write(true, collection, null, rows);
	}

	public static Command<MutationResult> upsert(String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		return write(true, collection, partition, rows);
	}

	/** Upserts only the fields the rows hold (pymilvus' {@code partial_update=True}); see {@link PartialRows}. */
	public static Command<MutationResult> partialUpsert(String collection, List<? extends Map<String, ?>> rows) {
		return partialUpsert(collection, null, rows);
	}

	public static Command<MutationResult> partialUpsert(String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		checkNames(collection, partition);
		return (dispatch) -> Schemas.load(dispatch, collection)
			.thenCompose((schema) -> send(dispatch, true, collection, rows, PartialRows.encode(partition, schema, rows, dispatch.options().maxRequestSize())));
	}

	public static Command<MutationResult> insertVectors(String collection, List<float[]> vectors) {
		return insertVectors(collection, null, null, vectors);
	}

	public static Command<MutationResult> insertVectors(String collection, List<Long> ids, List<float[]> vectors) {
		return insertVectors(collection, null, ids, vectors);
	}

	public static Command<MutationResult> insertVectors(String collection, String partition, List<float[]> vectors) {
		return insertVectors(collection, partition, null, vectors);
	}

	/**
	 * Inserts bare vectors (the classic form): one row per vector in the collection's only vector field, with the
	 * given primary keys or, when {@code ids} is {@code null}, automatic ones.
	 */
	private static Command<MutationResult> insertVectors(String collection, String partition, List<Long> ids,
			List<float[]> vectors) {
		if (vectors == null || vectors.isEmpty()) {
			throw new MilvusInvalidArgumentException("Insert into collection '" + collection + "' needs at least one vector");
		}
		if (ids != null && ids.size() != vectors.size()) {
			throw new MilvusInvalidArgumentException("Insert into collection '" + collection + "' got " + ids.size()
					+ " ids for " + vectors.size() + " vectors");
		}
		checkNames(collection, partition);
		return (dispatch) -> Schemas.load(dispatch, collection).thenCompose((schema) -> {
			String vectorField = schema.vectorField().name();
			String keyField = schema.primaryKey().name();
			List<Map<String, Object>> rows = new ArrayList<>(vectors.size());
			for (int i = 0; i < vectors.size(); i++) {
				rows.add((ids != null) ? Map.of(keyField, ids.get(i), vectorField, vectors.get(i))
						: Collections.singletonMap(vectorField, vectors.get(i)));
			}
			return write(dispatch, schema, false, collection, partition, rows);
		});
	}

	private static Command<MutationResult> write(boolean upsert, String collection, String partition,
			List<? extends Map<String, ?>> rows) {
		checkNames(collection, partition);
		return (dispatch) -> Schemas.load(dispatch, collection)
			.thenCompose((schema) -> write(dispatch, schema, upsert, collection, partition, rows));
	}

	private static CompletableFuture<MutationResult> write(Dispatch dispatch, CollectionSchema schema, boolean upsert,
			String collection, String partition, List<? extends Map<String, ?>> rows) {
		MissingDefaults.refuseOnVersionlessServer(dispatch.core().knownServerVersion(), upsert, schema, rows);
		List<EncodedWrite> batches = RowEncoder.encode(upsert, partition, schema,
				rows, dispatch.options().maxRequestSize());
		return send(dispatch, upsert, collection, rows, batches);
	}

	/** Sends the batches one after the other and notes the last write's time for later reads. */
	private static CompletableFuture<MutationResult> send(Dispatch dispatch, boolean upsert, String collection,
			List<? extends Map<String, ?>> rows, List<EncodedWrite> batches) {
		Written written = new Written(rows.size());
		return send(dispatch, upsert, collection, rows.size(), batches, 0, written).thenApply((done) -> {
			dispatch.schemas().wrote(dispatch.settings().database(), collection, done.timestamp());
			return done.toResult();
		});
	}

	/** Sends batch {@code index}, then (once answered) the next one. */
	private static CompletableFuture<Written> send(Dispatch dispatch, boolean upsert, String collection, int rows,
			List<EncodedWrite> batches, int index, Written written) {
		EncodedWrite batch = batches.get(index);
		CompletableFuture<Written> sent = WriteCalls.write(dispatch, upsert, collection, batch, written)
			.exceptionallyCompose((failure) -> {
				RuntimeException cause = Futures.unwrap(failure);
				Schemas.invalidateOnSchemaError(dispatch, collection, cause);
				if (batch.firstRow() == 0 || !(cause instanceof MilvusException milvus)) {
					return CompletableFuture.failedFuture(cause);
				}
				return CompletableFuture.failedFuture(new MilvusPartialWriteException(
						(upsert ? "Upsert into" : "Insert into") + " collection '" + collection + "' stopped after "
								+ batch.firstRow() + " of " + rows + " rows were written; rows from "
								+ batch.firstRow() + " on were not: " + cause.getMessage(),
						batch.firstRow(), written.ids(), milvus));
			});
		if (index + 1 == batches.size()) {
			return sent;
		}
		return sent.thenCompose((done) -> send(dispatch, upsert, collection, rows, batches, index + 1, done));
	}

	public static Command<MutationResult> delete(String collection, List<?> ids) {
		return delete(collection, null, ids);
	}

	/** Deletes entities by primary key; the filter is made once the schema tells the key's name and type. */
	public static Command<MutationResult> delete(String collection, String partition, List<?> ids) {
		if (ids == null || ids.isEmpty()) {
			throw new MilvusInvalidArgumentException("Delete from collection '" + collection + "' needs at least one id");
		}
		checkNames(collection, partition);
		return (dispatch) -> Schemas.load(dispatch, collection)
			.thenCompose((schema) -> delete(dispatch, collection, partition,
					EncodedFilter.plain(IdFilter.of(collection, schema.primaryKey(), ids)), "ids"));
	}

	/** Deletes the entities a boolean expression matches. */
	public static Command<MutationResult> deleteWhere(String collection, String filter) {
		return deleteWhere(collection, null, Filter.of(filter));
	}

	/** Deletes the entities a filter matches. */
	public static Command<MutationResult> deleteWhere(String collection, Filter filter) {
		return deleteWhere(collection, null, filter);
	}

	/** Deletes the entities of one partition ({@code null} for all) a filter matches. */
	public static Command<MutationResult> deleteWhere(String collection, String partition, Filter filter) {
		checkNames(collection, partition);
		if (filter == null || filter.isEmpty()) {
			throw new MilvusInvalidArgumentException(
					"Delete from collection '" + collection + "' needs a filter expression or ids");
		}
		FilterSyntax.check(filter.expression(), "delete from collection '" + collection + "'");
		Command<MutationResult> delete = FilteredCommands.of(filter,
				(encoded) -> (dispatch) -> delete(dispatch, collection, partition, encoded, filter.toString()));
		if (partition == null) {
			return delete;
		}
		return (dispatch) -> dispatch.core()
			.serverVersionAsync(dispatch.settings())
			.thenCompose((version) -> PartitionDeletes.ignoresPartition(version)
					? PartitionDeletes.byKeys(dispatch, collection, partition, filter) : delete.executeAsync(dispatch));
	}

	private static CompletableFuture<MutationResult> delete(Dispatch dispatch, String collection, String partition,
			EncodedFilter filter, String described) {
		DeleteRequest.Builder request = DeleteRequest.newBuilder()
			.setBase(MsgBase.newBuilder().setMsgType(MsgType.Delete))
			.setCollectionName(collection)
			.setExpr(filter.expression())
			.putAllExprTemplateValues(filter.values());
		if (partition != null) {
			request.setPartitionName(partition);
		}
		return WriteCalls
			.delete(dispatch, request.build(), "delete from collection '" + collection + "'"
					+ ((partition != null) ? " partition '" + partition + "'" : "") + " where "
					+ IdFilter.abbreviate(described))
			.thenApply((deleted) -> {
				dispatch.schemas().wrote(dispatch.settings().database(), collection, deleted.timestamp());
				return deleted.toResult();
			});
	}

	private static void checkNames(String collection, String partition) {
		Names.requireValid(collection, "collection name");
		if (partition != null) {
			Names.requireValid(partition, PARTITION_NAME);
		}
	}

}
