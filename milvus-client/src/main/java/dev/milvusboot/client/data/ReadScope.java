package dev.milvusboot.client.data;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.Names;

/**
 * What queries, searches and hybrid searches share: the collection, the partitions read, the fields returned and
 * the consistency level, with the builder methods that set them. Package-private: its accessors and builder
 * methods are those of {@link Query}, {@link Search} and {@link HybridSearch}.
 */
abstract class ReadScope {

	private final String collection;

	private final List<String> partitions;

	private final List<String> outputFields;

	private final ConsistencyLevel consistency;

	ReadScope(Builder<?> builder) {
		this.collection = builder.collection;
		this.partitions = List.copyOf(builder.partitions);
		this.outputFields = List.copyOf(builder.outputFields);
		this.consistency = builder.consistency;
	}

	/** The collection read. */
	public String collection() {
		return this.collection;
	}

	/** The partitions read; empty for all of them. */
	public List<String> partitions() {
		return this.partitions;
	}

	/** The fields returned. */
	public List<String> outputFields() {
		return this.outputFields;
	}

	/** The consistency level, or {@code null} for the client's default (read your own writes). */
	public ConsistencyLevel consistency() {
		return this.consistency;
	}

	/**
	 * Sets what every read has.
	 * @param <B> the builder type
	 */
	abstract static class Builder<B extends Builder<B>> {

		final String collection;

		final List<String> partitions = new ArrayList<>();

		final List<String> outputFields = new ArrayList<>();

		ConsistencyLevel consistency;

		Builder(String collection) {
			this.collection = collection;
		}

		/** Reads only these partitions. */
		public B partitions(String... partitions) {
			this.partitions.addAll(List.of(partitions));
			return self();
		}

		/** Returns these fields. */
		public B outputFields(String... fields) {
			this.outputFields.addAll(List.of(fields));
			return self();
		}

		/** Returns these fields. */
		public B outputFields(List<String> fields) {
			this.outputFields.addAll(fields);
			return self();
		}

		/** Reads at this consistency level rather than the client's default (read your own writes). */
		public B consistency(ConsistencyLevel consistency) {
			this.consistency = consistency;
			return self();
		}

		/** Checks the collection and partition names. */
		void checkNames() {
			Names.requireValid(this.collection, "collection name");
			this.partitions.forEach((partition) -> Names.requireValid(partition, "partition name"));
		}

		@SuppressWarnings("unchecked")
		B self() {
			return (B) this;
		}

	}

}
