package dev.milvusboot.repository.support;

import java.lang.reflect.Field;
import java.util.Collection;

import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.MetricType;

import org.springframework.util.ReflectionUtils;

/**
 * One mapped member of an entity as repositories see it: its Java and Milvus names, Java type and Milvus type.
 *
 * @param javaName the name of the record component or field
 * @param milvusName the field name in Milvus
 * @param javaType the Java type
 * @param dataType the Milvus type
 * @param metric the metric of a vector field's index, {@code null} for other fields
 * @param field the Java field holding the value
 */
public record MilvusProperty(String javaName, String milvusName, Class<?> javaType, DataType dataType,
		MetricType metric, Field field) {

	/** Whether this is a vector field. */
	public boolean isVector() {
		return this.dataType.isVector();
	}

	/** Whether this is an ARRAY field (or a Java collection or array of scalars). */
	public boolean isArray() {
		return this.dataType == DataType.ARRAY || Collection.class.isAssignableFrom(this.javaType)
				|| (this.javaType.isArray() && !isVector());
	}

	/** Whether this is a VARCHAR field. */
	public boolean isString() {
		return this.dataType == DataType.VARCHAR;
	}

	/**
	 * The value of this member in an entity.
	 * @param entity the entity
	 * @return the value
	 */
	public Object get(Object entity) {
		ReflectionUtils.makeAccessible(this.field);
		return ReflectionUtils.getField(this.field, entity);
	}

}
