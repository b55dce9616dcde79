package dev.milvusboot.client.data;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A query for entities matching a boolean filter expression, with output fields and paging. Immutable once built;
 * start with {@link #in(String)}.
 * <pre>
 * client.query(Query.in("docs").filter("year &gt; 2000").outputFields("title").limit(10).build());
 * </pre>
 */
public final class Query extends FilteredRead {

	private final long limit;

	private final long offset;

	private Query(Builder builder) {
		super(builder);
		this.limit = builder.limit;
		this.offset = builder.offset;
	}

	/**
	 * Starts a query of a collection.
	 * @param collection the collection name
	 * @return a builder
	 */
	public static Builder in(String collection) {
		return new Builder(collection);
	}

	/** The most entities returned, {@code 0} for no limit. */
	public long limit() {
		return this.limit;
	}

	public long offset() {
		return this.offset;
	}

	/** Builds a {@link Query}. */
	public static final class Builder extends FilteredRead.Builder<Builder> {

		private long limit;

		private long offset;

		private Builder(String collection) {
			super(collection);
		}

		public Builder limit(long limit) {
			this.limit = limit;
			return this;
		}

		public Builder offset(long offset) {
			this.offset = offset;
			return this;
		}

		/**
		 * Checks and builds the query.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public Query build() {
			checkNames();
			if (this.limit < 0 || this.offset < 0) {
				throw new MilvusInvalidArgumentException("Query of collection '" + this.collection
						+ "': limit and offset must not be negative (limit " + this.limit + ", offset " + this.offset
						+ ")");
			}
			if (this.filter.isEmpty() && this.limit == 0
					&& !(this.outputFields.size() == 1 && "count(*)".equals(this.outputFields.get(0)))) {
				throw new MilvusInvalidArgumentException("Query of collection '" + this.collection
						+ "' needs a filter expression or a limit");
			}
			return new Query(this);
		}

	}

}
