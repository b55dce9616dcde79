package dev.milvusboot.core.mapping;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.data.mapping.PersistentPropertyAccessor;

/**
 * Entities to Milvus rows and back, on Spring Data's mapping: entities are created through their constructor
 * (records, immutable classes, a {@code @PersistenceCreator}) by Spring Data's {@code EntityInstantiators}, the
 * remaining members are set through a {@link PersistentPropertyAccessor} (setters or fields), and every value goes
 * through the {@link MilvusCustomConversions}: enums as their name, dates as numbers, the application's converters,
 * collections as ARRAY values, maps and nested objects as JSON objects, {@code Vector}s as {@code float[]}.
 * <p>
 * {@link #toMilvusValue(Object)} is the one place that says what a Java value is in Milvus: rows use it, and so
 * must filters on mapped members ({@link #filter(String, Map)}).
 */
public class MappingMilvusConverter {

	private final MilvusMappingContext context;

	private final MilvusCustomConversions conversions;

	private final GenericConversionService conversionService = new DefaultConversionService();

	private final EntityReader reader;

	/** A converter with Milvus' conversions only. */
	public MappingMilvusConverter() {
		this(new MilvusCustomConversions());
	}

	/**
	 * A converter with the application's conversions.
	 * @param conversions the conversions
	 */
	public MappingMilvusConverter(MilvusCustomConversions conversions) {
		this(new MilvusMappingContext(conversions), conversions);
	}

	/**
	 * A converter over a mapping context.
	 * @param context the mapping context, made with the same conversions
	 * @param conversions the conversions
	 */
	public MappingMilvusConverter(MilvusMappingContext context, MilvusCustomConversions conversions) {
		this.context = context;
		this.conversions = conversions;
		conversions.registerConvertersIn(this.conversionService);
		this.reader = new EntityReader(this, this.conversionService);
	}

	/** The mapping context. */
	public MilvusMappingContext getMappingContext() {
		return this.context;
	}

	/** The conversions. */
	public MilvusCustomConversions getConversions() {
		return this.conversions;
	}

	/**
	 * The persistent entity of a type.
	 * @throws MappingException if the type cannot be mapped, naming it and the member at fault
	 */
	@SuppressWarnings("unchecked")
	public <T> MilvusPersistentEntity<T> getPersistentEntity(Class<T> type) {
		try {
			MilvusPersistentEntity<?> entity = this.context.getPersistentEntity(type);
			if (entity == null) {
				throw new MappingException("Cannot map " + type.getName() + ": it is not a record or class of the"
						+ " application");
			}
			return (MilvusPersistentEntity<T>) entity;
		}
		catch (org.springframework.data.mapping.MappingException ex) {
			throw mappingFailure(type, ex);
		}
	}

	private static MappingException mappingFailure(Class<?> type, RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof MappingException ours) {
				return ours;
			}
		}
		return new MappingException("Cannot map " + type.getName() + ": " + ex.getMessage(), ex);
	}

	// ---------------------------------------------------------------- writing

	/**
	 * The row an entity is written as: each mapped member by its field name, converted; an automatic id and BM25
	 * outputs are left out.
	 * @throws MappingException if a BM25 output member holds a value
	 */
	public Map<String, Object> write(Object entity) {
		MilvusPersistentEntity<?> persistent = getPersistentEntity(entity.getClass());
		PersistentPropertyAccessor<?> accessor = persistent.getPropertyAccessor(entity);
		Map<String, Object> row = new LinkedHashMap<>();
		for (MilvusPersistentProperty property : persistent) {
			if (property.isIdProperty() && isAutoId(property)) {
				continue;
			}
			Object value = accessor.getProperty(property);
			if (property.isBm25Output()) {
				if (value != null) {
					throw new MappingException("The " + property.describe() + " holds a value, but field '"
							+ property.getFieldName() + "' is the output of a BM25 function that the server fills;"
							+ " leave it null");
				}
				continue;
			}
			row.put(property.getFieldName(), toMilvusValue(value, property));
		}
		return row;
	}

	static boolean isAutoId(MilvusPersistentProperty property) {
		MilvusId id = property.findAnnotation(MilvusId.class);
		return id != null && id.autoId();
	}

	/**
	 * The Milvus value of a Java value: what rows hold and filters compare with. Strings, numbers, booleans,
	 * {@code float[]} and sparse vectors stay as they are; a value with a writing converter becomes the converter's
	 * result ({@code Instant} and {@code LocalDateTime}: epoch milliseconds, {@code LocalDate}: epoch days,
	 * {@code UUID}: its text, {@code Vector}: a {@code float[]}, the application's own); an enum its name;
	 * collections and arrays a list of such values; maps and the application's objects JSON objects (maps of field
	 * names to such values).
	 * @param value a value, possibly {@code null}
	 * @return its Milvus value
	 */
	public Object toMilvusValue(Object value) {
		if (value == null || MilvusSimpleTypes.isStoreType(value.getClass())) {
			return value;
		}
		Class<?> type = value.getClass();
		Optional<Class<?>> target = this.conversions.getCustomWriteTarget(type);
		if (target.isPresent() && target.get() != type) {
			return toMilvusValue(this.conversionService.convert(value, target.get()));
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> json = new LinkedHashMap<>();
			map.forEach((key, item) -> json.put(String.valueOf(key), toMilvusValue(item)));
			return json;
		}
		if (value instanceof Collection<?> items) {
			List<Object> list = new ArrayList<>(items.size());
			items.forEach((item) -> list.add(toMilvusValue(item)));
			return list;
		}
		if (type.isArray()) {
			List<Object> list = new ArrayList<>(Array.getLength(value));
			for (int i = 0; i < Array.getLength(value); i++) {
				list.add(toMilvusValue(Array.get(value, i)));
			}
			return list;
		}
		if (this.context.resolver().isNestedObject(type)) {
			MilvusPersistentEntity<?> nested = getPersistentEntity(type);
			PersistentPropertyAccessor<?> accessor = nested.getPropertyAccessor(value);
			Map<String, Object> json = new LinkedHashMap<>();
			for (MilvusPersistentProperty property : nested) {
				json.put(property.getFieldName(), toMilvusValue(accessor.getProperty(property)));
			}
			return json;
		}
		return value;
	}

	/**
	 * The Milvus value of a value of a mapped member, or of a value compared with one in a filter (a single element
	 * for an ARRAY member, a collection for {@code in}).
	 * @param value the value
	 * @param property the member
	 * @return its Milvus value, as {@link #toMilvusValue(Object)}
	 */
	public Object toMilvusValue(Object value, MilvusPersistentProperty property) {
		return toMilvusValue(value);
	}

	/**
	 * A filter whose parameter values are converted to their Milvus values first, so that an enum, an
	 * {@code Instant} or a value with a converter compares with what rows hold.
	 * @param template the expression with {@code {name}} parameters
	 * @param params the value of each parameter
	 * @return the filter
	 * @throws MilvusInvalidArgumentException as {@link Filter#of(String, Map)}
	 */
	public Filter filter(String template, Map<String, ?> params) {
		Map<String, Object> converted = new LinkedHashMap<>();
		params.forEach((name, value) -> converted.put(name, toMilvusValue(value)));
		return Filter.of(template, converted);
	}

	// ---------------------------------------------------------------- reading

	/**
	 * The entity a row holds; members the row lacks stay at their defaults.
	 * @param type the entity type
	 * @param row the row, by field name, as Milvus returns it (JSON fields as text)
	 * @return the entity
	 * @throws MappingException if a value cannot be read as its member's type, naming the member
	 */
	public <T> T read(Class<T> type, Map<String, ?> row) {
		return this.reader.read(getPersistentEntity(type), row, true);
	}

}
