package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.exception.MilvusUnsupportedException;

/**
 * Deletes by filter within one partition on a server that would delete the matching entities of every partition:
 * Milvus Lite 3 ignores the partition of a delete by filter (its own answer to pymilvus' delete with
 * {@code partition_name}: the matching rows of the other partitions are gone too). There the client first reads the
 * primary keys the filter matches inside the partition and deletes those. Internal API.
 */
final class PartitionDeletes {

	/** The version prefix of the servers that ignore a delete's partition. */
	private static final String IGNORES_PARTITION = "milvus_lite-3";

	private PartitionDeletes() {
	}

	/** Whether a server deletes across partitions when a delete by filter names one. */
	static boolean ignoresPartition(String serverVersion) {
		return serverVersion.startsWith(IGNORES_PARTITION);
	}

	/**
	 * Deletes by primary key what the filter matches in the partition.
	 * @param dispatch the dispatch
	 * @param collection the collection
	 * @param partition the partition
	 * @param filter the filter
	 * @return the delete count
	 */
	static CompletableFuture<MutationResult> byKeys(Dispatch dispatch, String collection, String partition,
			Filter filter) {
		Query count = Query.in(collection).partitions(partition).filter(filter).outputFields("count(*)").build();
		return QueryRequests.countOf(count).executeAsync(dispatch).thenCompose((matching) -> {
			if (matching == 0) {
				return CompletableFuture.completedFuture(new MutationResult(List.of(), 0, 0, 0, 0));
			}
			if (matching > Limits.MAX_PAGE_SIZE) {
				throw new MilvusUnsupportedException("Delete from partition '" + partition + "' of collection '"
						+ collection + "' matches " + matching + " entities; this server (Milvus Lite 3) would delete "
						+ "the matching entities of every partition, so the client deletes by primary key, at most "
						+ Limits.MAX_PAGE_SIZE + " at a time: narrow the filter");
			}
			return Schemas.load(dispatch, collection).thenCompose((schema) -> {
				String key = schema.primaryKey().name();
				Query keys = Query.in(collection).partitions(partition).filter(filter).outputFields(key)
					.limit(matching).build();
				return QueryRequests.query(keys).executeAsync(dispatch).thenCompose((rows) -> WriteRequests
					.delete(collection, partition, rows.stream().map((row) -> row.get(key)).toList())
					.executeAsync(dispatch));
			});
		});
	}

}
