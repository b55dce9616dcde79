package dev.milvusboot.core.mapping;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.model.BasicPersistentEntity;

/**
 * A {@link MilvusPersistentEntity} read from its {@link MilvusCollection} annotation.
 *
 * @param <T> the type
 */
public class BasicMilvusPersistentEntity<T> extends BasicPersistentEntity<T, MilvusPersistentProperty>
		implements MilvusPersistentEntity<T> {

	/**
	 * The entity of a type.
	 * @param information the type
	 */
	public BasicMilvusPersistentEntity(TypeInformation<T> information) {
		super(information);
	}

	@Override
	public String getCollectionName() {
		MilvusCollection annotation = findAnnotation(MilvusCollection.class);
		return (annotation != null) ? annotation.value() : snakeCase(getType().getSimpleName());
	}

	@Override
	public boolean hasDynamicField() {
		MilvusCollection annotation = findAnnotation(MilvusCollection.class);
		return annotation != null && annotation.dynamicField();
	}

	@Override
	protected MilvusPersistentProperty returnPropertyIfBetterIdPropertyCandidateOrNull(
			MilvusPersistentProperty property) {
		MilvusPersistentProperty id = getIdProperty();
		if (property.isIdProperty() && id != null) {
			throw new MappingException(getType().getName() + " has two @MilvusId members: '" + id.getName() + "' and '"
					+ property.getName() + "'");
		}
		return super.returnPropertyIfBetterIdPropertyCandidateOrNull(property);
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
