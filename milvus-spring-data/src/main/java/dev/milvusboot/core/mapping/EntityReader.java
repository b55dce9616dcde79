package dev.milvusboot.core.mapping;

import java.util.Collection;
import java.util.Map;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.schema.DataType;

import org.springframework.core.CollectionFactory;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.Parameter;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mapping.model.EntityInstantiators;
import org.springframework.data.mapping.model.ParameterValueProvider;
import org.springframework.util.ClassUtils;

/**
 * Reads entities (and objects nested in JSON fields) from the values Milvus returns: through their constructor by
 * Spring Data's {@link EntityInstantiators}, then the other members through a {@link PersistentPropertyAccessor},
 * each value converted to its member's type (reading converters, enum names, numbers, collections, maps, nested
 * objects).
 */
final class EntityReader {

	private final MappingMilvusConverter converter;

	private final ConversionService conversionService;

	private final EntityInstantiators instantiators = new EntityInstantiators();

	EntityReader(MappingMilvusConverter converter, ConversionService conversionService) {
		this.converter = converter;
		this.conversionService = conversionService;
	}

	/** An entity, or an object nested in a JSON field ({@code root} false), from its values by field name. */
	<T> T read(MilvusPersistentEntity<T> entity, Map<String, ?> values, boolean root) {
		ParameterValueProvider<MilvusPersistentProperty> parameters = new ParameterValueProvider<>() {

			@Override
			@SuppressWarnings("unchecked")
			public <P> P getParameterValue(Parameter<P, MilvusPersistentProperty> parameter) {
				String name = parameter.getName();
				MilvusPersistentProperty property = (name != null) ? entity.getPersistentProperty(name) : null;
				if (property == null || property.isBm25Output()) {
					return (P) ParameterValueProvider.getDefaultValue(parameter.getRawType());
				}
				return (P) readProperty(property, values.get(property.getFieldName()), root);
			}

		};
		T bean;
		try {
			bean = this.instantiators.getInstantiatorFor(entity).createInstance(entity, parameters);
		}
		catch (MappingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new MappingException("Cannot create a " + entity.getType().getName() + " from " + values + ": "
					+ ex.getMessage(), ex);
		}
		PersistentPropertyAccessor<T> accessor = entity.getPropertyAccessor(bean);
		for (MilvusPersistentProperty property : entity) {
			if (entity.isCreatorArgument(property) || property.isBm25Output()
					|| !values.containsKey(property.getFieldName())) {
				continue;
			}
			Object value = readProperty(property, values.get(property.getFieldName()), root);
			try {
				accessor.setProperty(property, value);
			}
			catch (RuntimeException ex) {
				throw new MappingException("Cannot set the " + property.describe() + " to " + value + ": "
						+ ex.getMessage(), ex);
			}
		}
		return accessor.getBean();
	}

	/** A member's value; JSON fields of an entity arrive as text, the members of nested objects as values. */
	private Object readProperty(MilvusPersistentProperty property, Object value, boolean root) {
		if (root && value instanceof String text && property.getMilvusType() == DataType.JSON) {
			try {
				value = Json.parse(text);
			}
			catch (MilvusInvalidArgumentException ex) {
				throw new MappingException("The JSON of the " + property.describe() + " is not valid: "
						+ ex.getMessage(), ex);
			}
		}
		return readValue(value, property.getTypeInformation(), property.describe());
	}

	/**
	 * A value read from Milvus (or from inside a JSON field) as a type.
	 * @param value the value
	 * @param type the type wanted
	 * @param where the member, for messages
	 * @return the converted value
	 */
	private Object readValue(Object value, TypeInformation<?> type, String where) {
		Class<?> target = type.getType();
		if (value == null) {
			return target.isPrimitive() ? ParameterValueProvider.getDefaultValue(target) : null;
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(target);
		if (!boxed.isInstance(value)) {
			Object converted = readConverted(value, target, where);
			if (converted != null) {
				return converted;
			}
		}
		if (value instanceof Number number) {
			Object exact = number(number, target);
			if (exact != null) {
				return exact;
			}
			if (target == Object.class && value instanceof Long whole && whole == whole.intValue()) {
				// whole numbers that fit an int become Integers, as JSON libraries read them
				return whole.intValue();
			}
		}
		if (value instanceof Collection<?> items && type.isCollectionLike() && !target.isArray()) {
			TypeInformation<?> element = type.getComponentType();
			Collection<Object> collection = CollectionFactory.createCollection(target, items.size());
			for (Object item : items) {
				collection.add((element != null) ? readValue(item, element, where) : item);
			}
			return collection;
		}
		if (value instanceof Map<?, ?> map && type.isMap()) {
			TypeInformation<?> element = type.getMapValueType();
			Map<Object, Object> converted = CollectionFactory.createMap(target, map.size());
			map.forEach((key, item) -> converted.put(key, (element != null) ? readValue(item, element, where) : item));
			return converted;
		}
		if (value instanceof Map<?, ?> map && this.converter.getMappingContext().resolver().isNestedObject(target)) {
			@SuppressWarnings("unchecked")
			Map<String, ?> fields = (Map<String, ?>) map;
			return read(this.converter.getPersistentEntity(target), fields, false);
		}
		if (boxed.isInstance(value)) {
			return value;
		}
		throw new MappingException("Cannot read " + preview(value) + " as the " + target.getName() + " of the " + where);
	}

	/** A value converted by a reading converter (an integral number also as a Long), or {@code null}. */
	private Object readConverted(Object value, Class<?> target, String where) {
		Object source = value;
		if (!this.converter.getConversions().hasCustomReadTarget(source.getClass(), target) && isIntegral(value)) {
			source = ((Number) value).longValue();
		}
		if (Enum.class.isAssignableFrom(target) && source instanceof String name
				&& !this.converter.getConversions().hasCustomReadTarget(String.class, target)) {
			return constant(target, name, where);
		}
		if (!this.converter.getConversions().hasCustomReadTarget(source.getClass(), target)) {
			return null;
		}
		try {
			return this.conversionService.convert(source, target);
		}
		catch (ConversionException ex) {
			throw new MappingException("Cannot read " + preview(value) + " as the " + target.getName() + " of the "
					+ where + ": " + ex.getMessage(), ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object constant(Class<?> type, String name, String where) {
		try {
			return Enum.valueOf((Class<? extends Enum>) type, name);
		}
		catch (IllegalArgumentException ex) {
			throw new MappingException(type.getName() + " has no constant '" + name + "' (read for the " + where + ")",
					ex);
		}
	}

	private static boolean isIntegral(Object value) {
		return value instanceof Integer || value instanceof Short || value instanceof Byte;
	}

	private static Object number(Number number, Class<?> t) {
		if (t == long.class || t == Long.class) {
			return number.longValue();
		}
		if (t == int.class || t == Integer.class) {
			return number.intValue();
		}
		if (t == short.class || t == Short.class) {
			return number.shortValue();
		}
		if (t == byte.class || t == Byte.class) {
			return number.byteValue();
		}
		if (t == float.class || t == Float.class) {
			return number.floatValue();
		}
		if (t == double.class || t == Double.class) {
			return number.doubleValue();
		}
		return null;
	}

	private static String preview(Object value) {
		String text = String.valueOf(value);
		return "'" + ((text.length() > 40) ? text.substring(0, 40) + "..." : text) + "' ("
				+ value.getClass().getSimpleName() + ")";
	}

}
