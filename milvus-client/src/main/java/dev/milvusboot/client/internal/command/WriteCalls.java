package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.internal.codec.EncodedWrite;
import dev.milvusboot.client.internal.proto.DeleteRequest;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.proto.MutationResult;
import dev.milvusboot.client.internal.transport.Rpc;
import io.grpc.MethodDescriptor;

/**
 * The remote calls that write: one batch of an insert or upsert, and a delete; each answer is added to a
 * {@link Written}. Internal API.
 */
final class WriteCalls {

	private static final MethodDescriptor<EncodedWrite, MutationResult> INSERT = MilvusServiceGrpc.getInsertMethod()
		.toBuilder(EncodedWrite.marshaller(), MilvusServiceGrpc.getInsertMethod().getResponseMarshaller())
		.build();

	private static final MethodDescriptor<EncodedWrite, MutationResult> UPSERT = MilvusServiceGrpc.getUpsertMethod()
		.toBuilder(EncodedWrite.marshaller(), MilvusServiceGrpc.getUpsertMethod().getResponseMarshaller())
		.build();

	private WriteCalls() {
	}

	/**
	 * Sends one batch of an insert or upsert.
	 * @param dispatch the dispatch
	 * @param upsert whether it is an upsert
	 * @param collection the collection
	 * @param batch the batch
	 * @param written where the answer is added
	 * @return a future completed once the answer is added
	 */
	static CompletableFuture<Written> write(Dispatch dispatch, boolean upsert, String collection, EncodedWrite batch,
			Written written) {
		Rpc<EncodedWrite, MutationResult> rpc = Rpc
			.of(upsert ? "upsert" : "insert", collection, upsert ? UPSERT : INSERT, batch, MutationResult::getStatus)
			.describedAs((upsert ? "upsert of " : "insert of ") + batch.rows() + " rows into collection '"
					+ collection + "'")
			.counting((result) -> upsert ? result.getUpsertCnt() : result.getInsertCnt());
		// An insert repeated after an ambiguous failure could be written twice: with automatic ids under new ids, and
		// with given ids too, since Milvus 2.x keeps both rows of a primary key inserted twice (count(*) sees both).
		return dispatch.callAsync(upsert ? rpc : rpc.nonIdempotent()).thenApply((result) -> add(result, written));
	}

	/**
	 * Deletes what a filter matches.
	 * @param dispatch the dispatch
	 * @param request the request
	 * @param description what the call does, for messages
	 * @return what was deleted
	 */
	static CompletableFuture<Written> delete(Dispatch dispatch, DeleteRequest request, String description) {
		return dispatch.callAsync(Rpc
			.of("delete", request.getCollectionName(), MilvusServiceGrpc.getDeleteMethod(), request,
					MutationResult::getStatus)
			.describedAs(description)
			.counting(MutationResult::getDeleteCnt)).thenApply((result) -> add(result, new Written(0)));
	}

	private static Written add(MutationResult result, Written written) {
		written.add(ids(result.getIDs()), result.getInsertCnt(), result.getUpsertCnt(), result.getDeleteCnt(),
				result.getTimestamp());
		return written;
	}

	private static List<Object> ids(IDs result) {
		if (result.hasIntId()) {
			List<Object> ids = new ArrayList<>(result.getIntId().getDataCount());
			for (int i = 0; i < result.getIntId().getDataCount(); i++) {
				ids.add(result.getIntId().getData(i));
			}
			return ids;
		}
		return result.hasStrId() ? new ArrayList<>(result.getStrId().getDataList()) : List.of();
	}

}
