package dev.milvusboot.autoconfigure.data.repository;

import java.lang.annotation.Annotation;

import dev.milvusboot.repository.config.EnableMilvusRepositories;
import dev.milvusboot.repository.config.MilvusRepositoryConfigurationExtension;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.repository.config.RepositoryConfigurationExtension;

/**
 * Registers the Milvus repositories of the application's auto-configuration packages, as
 * {@code @EnableMilvusRepositories} would.
 */
class MilvusRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	/** Registers nothing in a context without auto-configuration packages (no application package to scan). */
	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry,
			BeanNameGenerator generator) {
		if (AutoConfigurationPackages.has(this.beanFactory)) {
			super.registerBeanDefinitions(metadata, registry, generator);
		}
	}

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
