package dev.milvusboot.client.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.ConsistencyLevel;

/**
 * How to create a collection: its shards, default consistency level, properties and, for a collection with a
 * partition key, its number of partitions. Immutable; start from
 * {@link #DEFAULTS} or {@link #builder()}.
 */
public final class CreateCollectionOptions {

	/** One shard, what Milvus uses unless told otherwise. */
	public static final int DEFAULT_SHARDS = 1;

	/** Bounded staleness, the default of the official Python and Java clients. */
	public static final ConsistencyLevel DEFAULT_CONSISTENCY_LEVEL = ConsistencyLevel.BOUNDED;

	/** One shard, bounded consistency, no properties. */
	public static final CreateCollectionOptions DEFAULTS = builder().build();

	private final int shards;

	private final ConsistencyLevel consistencyLevel;

	private final Map<String, String> properties;

	private final int numPartitions;

	private CreateCollectionOptions(Builder builder) {
		this.numPartitions = builder.numPartitions;
		this.shards = builder.shards;
		this.consistencyLevel = builder.consistencyLevel;
		this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(builder.properties));
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The number of shards (virtual channels) of the collection. */
	public int shards() {
		return this.shards;
	}

	/** The consistency level searches and queries use unless they ask for another. */
	public ConsistencyLevel consistencyLevel() {
		return this.consistencyLevel;
	}

	/** Collection properties, for example {@code collection.ttl.seconds} or {@code mmap.enabled}. */
	public Map<String, String> properties() {
		return this.properties;
	}

	/**
	 * The number of partitions a partition-key collection spreads its rows over, {@code 0} for the server's default
	 * (16 on Milvus).
	 */
	public int numPartitions() {
		return this.numPartitions;
	}

	/** Returns a builder holding these options. */
	public Builder toBuilder() {
		return builder().shards(this.shards)
			.consistencyLevel(this.consistencyLevel)
			.properties(this.properties)
			.numPartitions(this.numPartitions);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof CreateCollectionOptions that && this.shards == that.shards
				&& this.consistencyLevel == that.consistencyLevel && this.properties.equals(that.properties)
				&& this.numPartitions == that.numPartitions);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.shards, this.consistencyLevel, this.properties, this.numPartitions);
	}

	@Override
	public String toString() {
		return "CreateCollectionOptions[shards=" + this.shards + ", consistencyLevel=" + this.consistencyLevel
				+ ", properties=" + this.properties + ", numPartitions=" + this.numPartitions + "]";
	}

	/** Builds {@link CreateCollectionOptions}. */
	public static final class Builder {

		private int shards = DEFAULT_SHARDS;

		private ConsistencyLevel consistencyLevel = DEFAULT_CONSISTENCY_LEVEL;

		private final Map<String, String> properties = new LinkedHashMap<>();

		private int numPartitions;

		private Builder() {
		}

		/**
		 * Sets the number of partitions of a collection with a partition key ({@code 0}: the server's default).
		 * Milvus allows 1 to 1024.
		 */
		public Builder numPartitions(int numPartitions) {
			if (numPartitions < 0 || numPartitions > 1024) {
				throw new MilvusInvalidArgumentException("numPartitions must be between 1 and 1024 (or 0 for the "
						+ "server's default), but was " + numPartitions);
			}
			this.numPartitions = numPartitions;
			return this;
		}

		/** Sets the number of shards, at least one. */
		public Builder shards(int shards) {
			if (shards < 1) {
				throw new MilvusInvalidArgumentException("A collection needs at least one shard, but " + shards
						+ " were asked for");
			}
			this.shards = shards;
			return this;
		}

		public Builder consistencyLevel(ConsistencyLevel consistencyLevel) {
			this.consistencyLevel = Objects.requireNonNull(consistencyLevel, "consistencyLevel");
			return this;
		}

		/** Sets a collection property. */
		public Builder property(String key, String value) {
			if (key == null || key.isBlank() || value == null) {
				throw new MilvusInvalidArgumentException(
						"A collection property needs a name and a value, but was " + key + "=" + value);
			}
			this.properties.put(key, value);
			return this;
		}

		/** Sets collection properties. */
		public Builder properties(Map<String, String> properties) {
			properties.forEach(this::property);
			return this;
		}

		public CreateCollectionOptions build() {
			return new CreateCollectionOptions(this);
		}

	}

}
