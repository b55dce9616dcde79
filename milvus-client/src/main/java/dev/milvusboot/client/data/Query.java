package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.Names;

/**
 * A query for entities matching a boolean filter expression, with output fields and paging. Immutable once built;
 * start with {@link #in(String)}.
 * <pre>
 * client.query(Query.in("docs").filter("year &gt; 2000").outputFields("title").limit(10).build());
 * </pre>
 */
public final class Query {

	private final String collection;

	private final List<String> partitions;

	private final String filter;

	private final List<String> outputFields;

	private final long limit;

	private final long offset;

	private final ConsistencyLevel consistency;

	private Query(Builder builder) {
		this.collection = builder.collection;
		this.partitions = List.copyOf(builder.partitions);
		this.filter = builder.filter;
		this.outputFields = List.copyOf(builder.outputFields);
		this.limit = builder.limit;
		this.offset = builder.offset;
		this.consistency = builder.consistency;
	}

	/**
	 * Starts a query of a collection.
	 * @param collection the collection name
	 * @return a builder
	 */
	public static Builder in(String collection) {
		return new Builder(collection);
	}

	public String collection() {
		return this.collection;
	}

	public List<String> partitions() {
		return this.partitions;
	}

	/** The filter expression; empty matches everything (then a limit is needed). */
	public String filter() {
		return this.filter;
	}

	public List<String> outputFields() {
		return this.outputFields;
	}

	/** The most entities returned, {@code 0} for no limit. */
	public long limit() {
		return this.limit;
	}

	public long offset() {
		return this.offset;
	}

	/** The consistency level, or {@code null} for the client's default (read your own writes). */
	public ConsistencyLevel consistency() {
		return this.consistency;
	}

	/** Builds a {@link Query}. */
	public static final class Builder {

		private final String collection;

		private final List<String> partitions = new ArrayList<>();

		private String filter = "";

		private final List<String> outputFields = new ArrayList<>();

		private long limit;

		private long offset;

		private ConsistencyLevel consistency;

		private Builder(String collection) {
			this.collection = collection;
		}

		public Builder partitions(String... partitions) {
			this.partitions.addAll(List.of(partitions));
			return this;
		}

		public Builder filter(String filter) {
			this.filter = (filter != null) ? filter.trim() : "";
			return this;
		}

		public Builder outputFields(String... fields) {
			this.outputFields.addAll(List.of(fields));
			return this;
		}

		public Builder outputFields(List<String> fields) {
			this.outputFields.addAll(fields);
			return this;
		}

		public Builder limit(long limit) {
			this.limit = limit;
			return this;
		}

		public Builder offset(long offset) {
			this.offset = offset;
			return this;
		}

		public Builder consistency(ConsistencyLevel consistency) {
			this.consistency = consistency;
			return this;
		}

		/**
		 * Checks and builds the query.
		 * @throws MilvusInvalidArgumentException naming what is wrong
		 */
		public Query build() {
			Names.requireValid(this.collection, "collection name");
			this.partitions.forEach((partition) -> Names.requireValid(partition, "partition name"));
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
