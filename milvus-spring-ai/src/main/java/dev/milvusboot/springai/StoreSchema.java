package dev.milvusboot.springai;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.client.schema.SchemaFunction;

/**
 * Creates a store's collection when it is missing: id, text, JSON metadata and vector fields (Spring AI's layout),
 * the vector index, loaded; and the store's partition when it is missing. With hybrid search, the text field is
 * analyzed and a BM25 function fills a sparse field with its own index; an existing collection must have that
 * field.
 */
final class StoreSchema {

	private final MilvusCommands commands;

	private final MilvusVectorStoreOptions options;

	private final int dimension;

	StoreSchema(MilvusCommands commands, MilvusVectorStoreOptions options, int dimension) {
		this.commands = commands;
		this.options = options;
		this.dimension = dimension;
	}

	void create() {
		String collection = this.options.collectionName();
		if (!this.commands.hasCollection(collection)) {
			createCollection(collection);
		}
		else if (this.options.hybridSearch()) {
			checkHybrid(collection);
		}
		String partition = this.options.partitionName();
		if (partition != null && !this.commands.hasPartition(collection, partition)) {
			this.commands.createPartition(collection, partition);
		}
	}

	private void createCollection(String collection) {
		FieldSchema id = this.options.autoId() ? FieldSchema.int64Id(this.options.idFieldName(), true)
				: FieldSchema.varcharId(this.options.idFieldName(), MilvusVectorStoreOptions.ID_MAX_LENGTH);
		CollectionSchema.Builder schema = CollectionSchema.builder(collection).field(id);
		if (this.options.hybridSearch()) {
			schema.field(FieldSchema.analyzedText(this.options.contentFieldName(), Limits.MAX_VARCHAR_LENGTH,
					this.options.analyzerParameters()));
		}
		else {
			schema.field(FieldSchema.varchar(this.options.contentFieldName(), Limits.MAX_VARCHAR_LENGTH));
		}
		schema.field(FieldSchema.scalar(this.options.metadataFieldName(), DataType.JSON))
			.field(FieldSchema.floatVector(this.options.embeddingFieldName(), this.dimension));
		if (this.options.hybridSearch()) {
			schema.field(FieldSchema.sparseVector(this.options.sparseFieldName()))
				.function(SchemaFunction.bm25(bm25FunctionName(), this.options.contentFieldName(),
						this.options.sparseFieldName()));
		}
		try {
			this.commands.createCollection(schema.build());
		}
		catch (MilvusException ex) {
			throw hybridRefused(ex);
		}
		try {
			this.commands.createIndex(IndexParams.builder(collection, this.options.embeddingFieldName())
				.indexType(this.options.indexType())
				.metric(this.options.metricType())
				.params(this.options.indexParameters())
				.build());
			if (this.options.hybridSearch()) {
				// SPARSE_INVERTED_INDEX, not AUTOINDEX: Milvus Lite 2.5 builds no AUTOINDEX on sparse fields.
				this.commands.createIndex(IndexParams.builder(collection, this.options.sparseFieldName())
					.indexType(IndexType.SPARSE_INVERTED_INDEX)
					.metric(MetricType.BM25)
					.build());
			}
			this.commands.loadCollection(collection);
		}
		catch (MilvusException ex) {
			// Milvus 2.3 creates the collection with its sparse field but refuses its index: leave nothing behind.
			try {
				this.commands.dropCollection(collection);
			}
			catch (MilvusException dropFailure) {
				ex.addSuppressed(dropFailure);
			}
			throw hybridRefused(ex);
		}
	}

	/** The name of the BM25 function of a collection the store creates. */
	String bm25FunctionName() {
		return this.options.contentFieldName() + "_bm25";
	}

	/** A server's refusal, as "needs Milvus 2.5" when it is a hybrid store on an older server. */
	private MilvusException hybridRefused(MilvusException ex) {
		if (this.options.hybridSearch()) {
			String version = this.commands.serverVersion();
			if (HybridSupport.olderThan25(version)) {
				return HybridSupport.needsMilvus25(version, "it answered: " + ex.getMessage(), ex);
			}
		}
		return ex;
	}

	/**
	 * Checks that an existing collection has the sparse field of a BM25 function over the content field (Milvus
	 * Lite 2.5 describes no functions, but marks the field as a function output).
	 */
	private void checkHybrid(String collection) {
		CollectionDescription description = this.commands.describeCollection(collection);
		String sparse = this.options.sparseFieldName();
		FieldSchema field = description.schema().fields().stream()
			.filter((f) -> f.name().equals(sparse))
			.findFirst()
			.orElse(null);
		boolean bm25Output = field != null && field.isFunctionOutput();
		for (SchemaFunction function : description.schema().functions()) {
			if (function.isBm25() && function.outputFields().contains(sparse)) {
				bm25Output = function.inputFields().contains(this.options.contentFieldName());
			}
		}
		if (!bm25Output) {
			String missing = "collection '" + collection + "' has no field '" + sparse
					+ "' filled by a BM25 function over '" + this.options.contentFieldName() + "'";
			String version = this.commands.serverVersion();
			if (HybridSupport.olderThan25(version)) {
				throw HybridSupport.needsMilvus25(version, missing, null);
			}
			throw new MilvusInvalidArgumentException("Hybrid search needs a BM25 field, but the " + missing
					+ "; let the store create a new collection (hybridSearch and initializeSchema), or turn"
					+ " hybridSearch off");
		}
	}

}
