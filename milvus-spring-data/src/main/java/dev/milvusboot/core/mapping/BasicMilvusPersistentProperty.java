package dev.milvusboot.core.mapping;

import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.schema.DataType;

import org.springframework.data.mapping.Association;
import org.springframework.data.mapping.PersistentEntity;
import org.springframework.data.mapping.model.AnnotationBasedPersistentProperty;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;
import org.springframework.data.util.Lazy;

/**
 * A member mapped by the annotations of this package: {@link MilvusId} (or Spring Data's {@code @Id}) for the
 * primary key, {@link MilvusVector}, {@link MilvusSparseVector}, {@link MilvusFullText}, and {@link MilvusField} for
 * the name and settings of any field; {@code MilvusField(ignore = true)}, Spring Data's {@code @Transient} and the
 * {@code transient} modifier leave a member out.
 */
public class BasicMilvusPersistentProperty extends AnnotationBasedPersistentProperty<MilvusPersistentProperty>
		implements MilvusPersistentProperty {

	private final Lazy<MilvusTypeResolver.FieldType> fieldType;

	/**
	 * A property.
	 * @param property the member
	 * @param owner the entity it belongs to
	 * @param simpleTypes the types that are not entities
	 * @param resolver decides its Milvus type
	 */
	BasicMilvusPersistentProperty(Property property, PersistentEntity<?, MilvusPersistentProperty> owner,
			SimpleTypeHolder simpleTypes, MilvusTypeResolver resolver) {
		super(property, owner, simpleTypes);
		this.fieldType = Lazy.of(() -> resolver.resolve(this));
		checkRoles();
	}

	private void checkRoles() {
		List<String> roles = new ArrayList<>();
		if (isAnnotationPresent(MilvusId.class)) {
			roles.add("@MilvusId");
		}
		if (isDenseVector()) {
			roles.add("@MilvusVector");
		}
		if (isSparseVector()) {
			roles.add("@MilvusSparseVector");
		}
		if (isFullText()) {
			roles.add("@MilvusFullText");
		}
		if (roles.size() > 1) {
			throw new MappingException("The " + describe() + " has " + String.join(" and ", roles) + "; use one");
		}
	}

	@Override
	public boolean isIdProperty() {
		return super.isIdProperty() || isAnnotationPresent(MilvusId.class);
	}

	@Override
	public boolean isTransient() {
		MilvusField settings = findAnnotation(MilvusField.class);
		return super.isTransient() || (settings != null && settings.ignore());
	}

	@Override
	public String getFieldName() {
		MilvusField settings = findAnnotation(MilvusField.class);
		return (settings != null && !settings.name().isEmpty()) ? settings.name() : getName();
	}

	@Override
	public boolean isDenseVector() {
		return isAnnotationPresent(MilvusVector.class);
	}

	@Override
	public boolean isSparseVector() {
		return isAnnotationPresent(MilvusSparseVector.class);
	}

	@Override
	public boolean isFullText() {
		return isAnnotationPresent(MilvusFullText.class);
	}

	@Override
	public boolean isBm25Output() {
		return getType() == SparseVector.class && !isSparseVector() && !isIdProperty();
	}

	@Override
	public DataType getMilvusType() {
		return this.fieldType.get().type();
	}

	@Override
	public DataType getElementType() {
		return this.fieldType.get().elementType();
	}

	@Override
	public String describe() {
		return "member '" + getName() + "' of " + getOwner().getType().getName();
	}

	@Override
	protected Association<MilvusPersistentProperty> createAssociation() {
		return null;
	}

}
