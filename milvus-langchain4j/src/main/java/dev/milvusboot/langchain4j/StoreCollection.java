package dev.milvusboot.langchain4j;

import java.util.Locale;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.admin.CreateCollectionOptions;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.MetricType;

/**
 * The store's collection as found or created on first use: whether it keeps metadata types, and the metric its
 * vector index really uses (which decides the score) and the server's filter dialect. Created once per store, then immutable.
 */
final class StoreCollection {

	/** The longest id of a created collection. */
	static final int ID_MAX_LENGTH = 512;

	private final boolean keepsTypes;

	private final MetricType metric;

	private final FilterDialect dialect;

	private StoreCollection(boolean keepsTypes, MetricType metric, FilterDialect dialect) {
		this.keepsTypes = keepsTypes;
		this.metric = metric;
		this.dialect = dialect;
	}

	/** What the server's filter language can say. */
	FilterDialect dialect() {
		return this.dialect;
	}

	/** Whether the collection has the field of metadata types. */
	boolean keepsTypes() {
		return this.keepsTypes;
	}

	/** The metric of the vector index. */
	MetricType metric() {
		return this.metric;
	}

	/**
	 * Finds the collection, or creates it (with its partition, index and load) as the settings allow.
	 * @param milvus the client, in the store's database
	 * @param settings the store's settings
	 * @return what the store needs to know of it
	 */
	static StoreCollection open(MilvusCommands milvus, StoreSettings settings) {
		String name = settings.collectionName();
		if (!milvus.hasCollection(name)) {
			if (!settings.createCollection()) {
				throw new MilvusInvalidArgumentException("Collection '" + name
						+ "' does not exist and the store was built with createCollection(false)");
			}
			create(milvus, settings);
		}
		CollectionSchema schema = milvus.describeCollection(name).schema();
		requireField(schema, settings.idFieldName(), settings);
		requireField(schema, settings.vectorFieldName(), settings);
		requireField(schema, settings.textFieldName(), settings);
		requireField(schema, settings.metadataFieldName(), settings);
		boolean keepsTypes = schema.field(settings.metadataTypesFieldName()) != null;
		if (settings.partitionName() != null && !milvus.hasPartition(name, settings.partitionName())) {
			try {
				milvus.createPartition(name, settings.partitionName());
			}
			catch (MilvusAlreadyExistsException ex) {
				// created by another store meanwhile
			}
		}
		milvus.loadCollection(name);
		IndexDescription index = milvus.describeIndex(name, settings.vectorFieldName());
		MetricType metric = (index.metricType() == null || index.metricType().isEmpty()) ? settings.metric()
				: MetricType.valueOf(index.metricType().toUpperCase(Locale.ROOT));
		return new StoreCollection(keepsTypes, metric,
				FilterDialect.probe(milvus, name, settings.idFieldName(), settings.metadataFieldName()));
	}

	private static void create(MilvusCommands milvus, StoreSettings settings) {
		if (settings.dimension() == null) {
			throw new MilvusInvalidArgumentException("Collection '" + settings.collectionName()
					+ "' does not exist: the store needs a dimension to create it");
		}
		CollectionSchema schema = CollectionSchema.builder(settings.collectionName())
			.field(FieldSchema.varcharId(settings.idFieldName(), ID_MAX_LENGTH))
			.field(FieldSchema.varchar(settings.textFieldName(), Limits.MAX_VARCHAR_LENGTH))
			.field(FieldSchema.scalar(settings.metadataFieldName(), DataType.JSON))
			.field(FieldSchema.scalar(settings.metadataTypesFieldName(), DataType.JSON))
			.field(FieldSchema.floatVector(settings.vectorFieldName(), settings.dimension()))
			.build();
		CreateCollectionOptions.Builder options = CreateCollectionOptions.builder();
		if (settings.consistency() != null) {
			options.consistencyLevel(settings.consistency());
		}
		try {
			milvus.createCollection(schema, options.build());
		}
		catch (MilvusAlreadyExistsException ex) {
			return;
		}
		milvus.createIndex(IndexParams.builder(settings.collectionName(), settings.vectorFieldName())
			.indexType(settings.indexType())
			.metric(settings.metric())
			.params(settings.indexParameters())
			.build());
	}

	private static void requireField(CollectionSchema schema, String field, StoreSettings settings) {
		if (schema.field(field) == null) {
			throw new MilvusInvalidArgumentException("Collection '" + settings.collectionName() + "' has no field '"
					+ field + "'; its fields are " + schema.fields().stream().map(FieldSchema::name).toList());
		}
	}

}
