package dev.milvusboot.core.mapping;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the members of a record or class by reflection: its mapped members in order, the constructor entities
 * are created with, and the default collection name.
 */
final class EntityIntrospection {

	private EntityIntrospection() {
	}

	/** The mapped members: a record's components, or a class's fields that are not static, transient or ignored. */
	static List<EntityProperty> properties(Class<?> type) {
		return type.isRecord() ? recordProperties(type) : fieldProperties(type);
	}

	/** The canonical constructor of a record, the no-argument constructor of a class. */
	static <T> Constructor<T> constructor(Class<T> type) {
		try {
			Constructor<T> constructor;
			if (type.isRecord()) {
				Class<?>[] types = List.of(type.getRecordComponents())
					.stream()
					.map(RecordComponent::getType)
					.toArray(Class<?>[]::new);
				constructor = type.getDeclaredConstructor(types);
			}
			else {
				constructor = type.getDeclaredConstructor();
			}
			constructor.setAccessible(true);
			return constructor;
		}
		catch (NoSuchMethodException ex) {
			throw new MappingException(type.getName() + " needs a no-argument constructor to be read from Milvus", ex);
		}
	}

	private static List<EntityProperty> recordProperties(Class<?> type) {
		List<EntityProperty> properties = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			Field field;
			try {
				field = type.getDeclaredField(component.getName());
			}
			catch (NoSuchFieldException ex) {
				throw new MappingException("No field for record component " + component.getName(), ex);
			}
			properties.add(new EntityProperty(type, field, component.getName(), component, component.getType(),
					component.getGenericType()));
		}
		return properties;
	}

	private static List<EntityProperty> fieldProperties(Class<?> type) {
		List<EntityProperty> properties = new ArrayList<>();
		for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				int modifiers = field.getModifiers();
				MilvusField settings = field.getAnnotation(MilvusField.class);
				if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()
						|| (settings != null && settings.ignore())) {
					continue;
				}
				properties.add(new EntityProperty(type, field, field.getName(), field, field.getType(),
						field.getGenericType()));
			}
		}
		return properties;
	}

	static String snakeCase(String name) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					out.append('_');
				}
				out.append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
