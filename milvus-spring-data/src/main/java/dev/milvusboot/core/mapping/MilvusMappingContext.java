package dev.milvusboot.core.mapping;

import dev.milvusboot.client.data.SparseVector;

import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.context.AbstractMappingContext;
import org.springframework.data.mapping.model.Property;
import org.springframework.data.mapping.model.SimpleTypeHolder;

/**
 * Spring Data's mapping context for Milvus: a {@link MilvusPersistentEntity} per mapped record or class (and per
 * object type nested in a JSON field), with {@link MilvusPersistentProperty properties} whose Milvus types follow
 * the {@link MilvusCustomConversions}.
 */
public class MilvusMappingContext
		extends AbstractMappingContext<MilvusPersistentEntity<?>, MilvusPersistentProperty> {

	private final MilvusTypeResolver resolver;

	/** A context with Milvus' conversions only. */
	public MilvusMappingContext() {
		this(new MilvusCustomConversions());
	}

	/**
	 * A context whose types follow the given conversions.
	 * @param conversions the conversions (also those of the {@link MappingMilvusConverter} using this context)
	 */
	public MilvusMappingContext(MilvusCustomConversions conversions) {
		setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		this.resolver = new MilvusTypeResolver(conversions);
	}

	MilvusTypeResolver resolver() {
		return this.resolver;
	}

	@Override
	protected <T> MilvusPersistentEntity<?> createPersistentEntity(TypeInformation<T> typeInformation) {
		return new BasicMilvusPersistentEntity<>(typeInformation);
	}

	@Override
	protected MilvusPersistentProperty createPersistentProperty(Property property, MilvusPersistentEntity<?> owner,
			SimpleTypeHolder simpleTypeHolder) {
		return new BasicMilvusPersistentProperty(property, owner, simpleTypeHolder, this.resolver);
	}

	/** Entities only for the application's types: not for those of the Java platform, vectors and the like. */
	@Override
	protected boolean shouldCreatePersistentEntityFor(TypeInformation<?> type) {
		Class<?> raw = type.getType();
		return super.shouldCreatePersistentEntityFor(type) && raw != SparseVector.class && !isPlatformType(raw);
	}

	private static boolean isPlatformType(Class<?> type) {
		String name = type.getName();
		return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
	}

}
