package dev.milvusboot.autoconfigure.data.repository;

import java.lang.annotation.Annotation;

import dev.milvusboot.repository.config.EnableReactiveMilvusRepositories;
import dev.milvusboot.repository.config.ReactiveMilvusRepositoryConfigurationExtension;

import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the reactive Milvus repositories of the application's auto-configuration packages, as
 * {@code @EnableReactiveMilvusRepositories} would.
 */
class MilvusReactiveRepositoriesRegistrar extends ApplicationPackageRepositoriesRegistrar {

	@Override
	protected Class<? extends Annotation> getAnnotation() {
		return EnableReactiveMilvusRepositories.class;
	}

	@Override
	protected Class<?> getConfiguration() {
		return EnableReactiveMilvusRepositoriesConfiguration.class;
	}

	@Override
	protected RepositoryConfigurationExtension getRepositoryConfigurationExtension() {
		return new ReactiveMilvusRepositoryConfigurationExtension();
	}

	@EnableReactiveMilvusRepositories
	private static final class EnableReactiveMilvusRepositoriesConfiguration {

	}

}
