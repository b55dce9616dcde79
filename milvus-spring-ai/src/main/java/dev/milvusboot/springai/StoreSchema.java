package dev.milvusboot.springai;

import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.Limits;

/**
 * Creates a store's collection when it is missing: id, text, JSON metadata and vector fields (Spring AI's layout),
 * the vector index, loaded; and the store's partition when it is missing.
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
			FieldSchema id = this.options.autoId() ? FieldSchema.int64Id(this.options.idFieldName(), true)
					: FieldSchema.varcharId(this.options.idFieldName(), MilvusVectorStoreOptions.ID_MAX_LENGTH);
			this.commands.createCollection(CollectionSchema.builder(collection)
				.field(id)
				.field(FieldSchema.varchar(this.options.contentFieldName(), Limits.MAX_VARCHAR_LENGTH))
				.field(FieldSchema.scalar(this.options.metadataFieldName(), DataType.JSON))
				.field(FieldSchema.floatVector(this.options.embeddingFieldName(), this.dimension))
				.build());
			this.commands.createIndex(IndexParams.builder(collection, this.options.embeddingFieldName())
				.indexType(this.options.indexType())
				.metric(this.options.metricType())
				.params(this.options.indexParameters())
				.build());
			this.commands.loadCollection(collection);
		}
		String partition = this.options.partitionName();
		if (partition != null && !this.commands.hasPartition(collection, partition)) {
			this.commands.createPartition(collection, partition);
		}
	}

}
