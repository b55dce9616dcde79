package dev.milvusboot.repository.config;

import java.lang.annotation.Annotation;

import org.springframework.data.repository.config.RepositoryBeanDefinitionRegistrarSupport;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the repositories of {@link EnableMilvusRepositories @EnableMilvusRepositories}.
 */
class MilvusRepositoriesRegistrar extends RepositoryBeanDefinitionRegistrarSupport {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableMilvusRepositories.class;
	}

	@Override
	protected RepositoryConfigurationExtension getExtension() {
		return new MilvusRepositoryConfigurationExtension();
	}

}
