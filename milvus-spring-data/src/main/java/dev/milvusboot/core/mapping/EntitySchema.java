package dev.milvusboot.core.mapping;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;

/**
 * The field and index of one mapped member, from its Milvus type and annotations.
 */
final class EntitySchema {

	private EntitySchema() {
	}

	/** The full-text settings of a {@link MilvusFullText} member. */
	static FullTextField fullText(MilvusPersistentProperty property) {
		return new FullTextField(property.findAnnotation(MilvusFullText.class), property.getFieldName(),
				property.describe());
	}

	/** The field of a member; not for BM25 outputs, whose field comes from their full-text member. */
	static FieldSchema field(MilvusPersistentProperty property) {
		MilvusField settings = property.findAnnotation(MilvusField.class);
		String name = property.getFieldName();
		DataType type = property.getMilvusType();
		try {
			if (property.isIdProperty()) {
				MilvusId id = property.findAnnotation(MilvusId.class);
				boolean autoId = id != null && id.autoId();
				if (type == DataType.INT64) {
					return FieldSchema.int64Id(name, autoId);
				}
				if (autoId) {
					throw new MappingException("@MilvusId " + property.describe() + " is a String; automatic ids need"
							+ " a long");
				}
				return FieldSchema.varcharId(name, (id != null) ? id.maxLength() : 256);
			}
			if (property.isDenseVector()) {
				return FieldSchema.floatVector(name, property.findAnnotation(MilvusVector.class).dimension());
			}
			if (property.isSparseVector()) {
				return FieldSchema.sparseVector(name);
			}
			if (property.isFullText()) {
				return fullText(property).schema(settings);
			}
			FieldSchema.Builder builder = FieldSchema.builder(name, type)
				.nullable(settings != null && settings.nullable());
			if (type == DataType.ARRAY) {
				builder.elementType(property.getElementType(), (settings != null) ? settings.maxCapacity() : 64);
			}
			if (type == DataType.VARCHAR || property.getElementType() == DataType.VARCHAR) {
				builder.maxLength((settings != null) ? settings.maxLength() : 1024);
			}
			return builder.build();
		}
		catch (MilvusInvalidArgumentException ex) {
			throw new MappingException("Cannot map the " + property.describe() + ": " + ex.getMessage(), ex);
		}
	}

	/** The index of a vector member (dense, sparse or the BM25 output of a full-text member). */
	static IndexParams index(MilvusPersistentProperty property, String collection) {
		if (property.isDenseVector()) {
			MilvusVector vector = property.findAnnotation(MilvusVector.class);
			return IndexParams.builder(collection, property.getFieldName())
				.indexType(vector.indexType())
				.metric(vector.metric())
				.params(VectorIndexDefaults.params(vector.indexType(), vector.indexParams(), property.describe()))
				.build();
		}
		if (property.isSparseVector()) {
			MilvusSparseVector sparse = property.findAnnotation(MilvusSparseVector.class);
			return IndexParams.builder(collection, property.getFieldName())
				.indexType(sparse.indexType())
				.metric(sparse.metric())
				.build();
		}
		if (property.isFullText()) {
			return IndexParams.builder(collection, fullText(property).output())
				.indexType(IndexType.SPARSE_INVERTED_INDEX)
				.metric(MetricType.BM25)
				.build();
		}
		throw new IllegalStateException("The " + property.describe() + " has no index");
	}

}
