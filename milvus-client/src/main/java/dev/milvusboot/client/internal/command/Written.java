package dev.milvusboot.client.internal.command;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.data.MutationResult;

/**
 * What the writes of one operation have written so far: the batches' primary keys, counts and latest timestamp.
 * Internal API.
 */
final class Written {

	private final List<Object> ids;

	private long inserted;

	private long upserted;

	private long deleted;

	private long timestamp;

	Written(int expectedRows) {
		this.ids = new ArrayList<>(expectedRows);
	}

	/** The primary keys written so far, in order. */
	List<Object> ids() {
		return this.ids;
	}

	/** Adds the answer to one write. */
	void add(List<?> ids, long inserted, long upserted, long deleted, long timestamp) {
		this.ids.addAll(ids);
		this.inserted += inserted;
		this.upserted += upserted;
		this.deleted += deleted;
		this.timestamp = Math.max(this.timestamp, timestamp);
	}

	/** The latest server timestamp of the writes, {@code 0} if none was told. */
	long timestamp() {
		return this.timestamp;
	}

	MutationResult toResult() {
		return new MutationResult(this.ids, this.inserted, this.upserted, this.deleted, this.timestamp);
	}

}
