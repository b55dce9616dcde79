package dev.milvusboot.autoconfigure.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the observations of Milvus client operations.
 *
 * @since 0.1.0
 */
public enum MilvusObservationDocumentation implements ObservationDocumentation {

	/**
	 * One Milvus client operation, retries included.
	 */
	CLIENT_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMilvusObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Low-cardinality keys: tags of the timer and of the span.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation, in lower camel case (for example {@code search}, {@code createCollection}).
		 */
		OPERATION {
			@Override
			public String asString() {
				return "operation";
			}
		},

		/**
		 * {@code success} or {@code error}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The Milvus error code of a failure, else its gRPC status code; {@code none} on success.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "error.code";
			}
		},

		/**
		 * The simple class name of the exception of a failure; {@code none} on success.
		 */
		EXCEPTION {
			@Override
			public String asString() {
				return "exception";
			}
		},

		/**
		 * The collection concerned, or {@code none}; only when
		 * {@code management.metrics.milvus.collection-tag.enabled} is true.
		 */
		COLLECTION {
			@Override
			public String asString() {
				return "collection";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		}

	}

	/**
	 * High-cardinality keys: on the span only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The collection concerned, unless it is a low-cardinality key.
		 */
		COLLECTION_NAME {
			@Override
			public String asString() {
				return "db.collection.name";
			}

			@Override
			public boolean isRequired() {
				return false;
			}
		},

		/**
		 * The database used ({@code default} for the server's default).
		 */
		DATABASE {
			@Override
			public String asString() {
				return "db.namespace";
			}
		},

		/**
		 * The server's host.
		 */
		SERVER_ADDRESS {
			@Override
			public String asString() {
				return "server.address";
			}
		},

		/**
		 * The server's port.
		 */
		SERVER_PORT {
			@Override
			public String asString() {
				return "server.port";
			}
		}

	}

}
