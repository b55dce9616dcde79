package dev.milvusboot.client.data;

import java.util.List;

/**
 * What an insert, upsert or delete did.
 *
 * @param ids the primary keys written, in row order ({@code Long} or {@code String}); empty for deletes by filter
 * @param insertCount rows inserted
 * @param upsertCount rows upserted
 * @param deleteCount rows deleted
 * @param timestamp the server's timestamp of the write, used for read-your-writes consistency
 */
public record MutationResult(List<Object> ids, long insertCount, long upsertCount, long deleteCount,
		long timestamp) {

	public MutationResult {
		ids = List.copyOf(ids);
	}

	/** The ids as {@code long}s, for collections with an int64 primary key. */
	public long[] longIds() {
		long[] result = new long[this.ids.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = (Long) this.ids.get(i);
		}
		return result;
	}

}
