package dev.milvusboot.autoconfigure.data.repository;

import java.lang.annotation.Annotation;

import dev.milvusboot.repository.config.EnableMilvusRepositories;
import dev.milvusboot.repository.config.MilvusRepositoryConfigurationExtension;

import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the Milvus repositories of the application's auto-configuration packages, as
 * {@code @EnableMilvusRepositories} would.
 */
class MilvusRepositoriesRegistrar extends ApplicationPackageRepositoriesRegistrar {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableMilvusRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableMilvusRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new MilvusRepositoryConfigurationExtension();
	}

	@EnableMilvusRepositories
	private static final class EnableMilvusRepositoriesConfiguration {

	}

}
