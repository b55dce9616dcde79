package dev.milvusboot.autoconfigure.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of Milvus client metrics ({@code management.metrics.milvus.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("management.metrics.milvus")
public class MilvusMetricsProperties {

	private final CollectionTag collectionTag = new CollectionTag();

	private final Pool pool = new Pool();

	private final Rows rows = new Rows();

	public CollectionTag getCollectionTag() {
		return this.collectionTag;
	}

	public Pool getPool() {
		return this.pool;
	}

	public Rows getRows() {
		return this.rows;
	}

	/**
	 * The collection as a tag of operation timers and row counters.
	 */
	public static class CollectionTag {

		/**
		 * Whether to tag operation timers and row counters with the collection name. Off by default, since every
		 * collection then has meters of its own.
		 */
		private boolean enabled;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Gauges of the connection pool.
	 */
	public static class Pool {

		/**
		 * Whether to publish gauges of the client's connections by state and of its calls in flight.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Counters of rows written and query vectors searched.
	 */
	public static class Rows {

		/**
		 * Whether to count the rows inserted, upserted and deleted and the query vectors searched.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
