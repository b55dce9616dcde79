package dev.milvusboot.repository.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.MappingException;

import org.springframework.data.repository.core.RepositoryCreationException;

/**
 * The entity information of the domain types of one repository factory, blocking or reactive, read once per type.
 */
final class MilvusEntities {

	private final EntityMapper mapper;

	private final Map<Class<?>, MilvusEntityInformation<?, ?>> entities = new ConcurrentHashMap<>();

	/**
	 * Entity information read by a template's mapper, so that the application's conversions apply.
	 * @param mapper the template's mapper
	 */
	MilvusEntities(EntityMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The information of a domain type.
	 * @param type the type
	 * @param repository the repository interface, for messages
	 * @return the information
	 * @throws RepositoryCreationException naming the repository and what is wrong with the type's mapping
	 */
	MilvusEntityInformation<?, ?> get(Class<?> type, Class<?> repository) {
		return this.entities.computeIfAbsent(type, (key) -> {
			try {
				return new MilvusEntityInformation<>(this.mapper.metadata(key));
			}
			catch (MappingException ex) {
				throw new RepositoryCreationException("Cannot create " + repository.getName() + ": "
						+ ex.getMessage(), ex, repository);
			}
		});
	}

}
