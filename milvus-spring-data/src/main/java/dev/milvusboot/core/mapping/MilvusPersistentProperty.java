package dev.milvusboot.core.mapping;

import dev.milvusboot.client.schema.DataType;

import org.springframework.data.mapping.PersistentProperty;

/**
 * A mapped member of an entity (or of an object nested in a JSON field): its Milvus field name, its role (primary
 * key, dense or sparse vector, full-text, BM25 output, scalar) and the Milvus type its values are stored as, after
 * conversions.
 */
public interface MilvusPersistentProperty extends PersistentProperty<MilvusPersistentProperty> {

	/** The field name in Milvus ({@link MilvusField#name()}, else the Java name). */
	String getFieldName();

	/** Whether this is a dense vector ({@link MilvusVector}: a {@code float[]} or Spring Data {@code Vector}). */
	boolean isDenseVector();

	/** Whether this is a sparse vector the application writes ({@link MilvusSparseVector}). */
	boolean isSparseVector();

	/** Whether this is an analyzed text with a BM25 function ({@link MilvusFullText}). */
	boolean isFullText();

	/**
	 * Whether this is the BM25 output of a full-text member: an unannotated {@code SparseVector}, filled by the
	 * server, never written nor read.
	 */
	boolean isBm25Output();

	/**
	 * The Milvus type of the field after conversions: a scalar type, VARCHAR for enums and strings, ARRAY for
	 * collections of scalars, JSON for maps and nested objects, a vector type for vectors; {@code null} for a BM25
	 * output.
	 * @throws MappingException if Milvus cannot store the member, naming the entity and member
	 */
	DataType getMilvusType();

	/** The type of the elements of an ARRAY field, {@code null} for other fields. */
	DataType getElementType();

	/** Where this member is, for messages: {@code member 'name' of com.example.Type}. */
	String describe();

}
