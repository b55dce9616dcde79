package dev.milvusboot.autoconfigure.data.repository;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanNameGenerator;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.data.AbstractRepositoryConfigurationSourceSupport;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the repositories of the application's auto-configuration packages, as the enabling annotation would;
 * registers nothing in a context without auto-configuration packages (no application package to scan).
 */
abstract class ApplicationPackageRepositoriesRegistrar extends AbstractRepositoryConfigurationSourceSupport {

	private BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) throws BeansException {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry,
			BeanNameGenerator generator) {
		if (AutoConfigurationPackages.has(this.beanFactory)) {
			super.registerBeanDefinitions(metadata, registry, generator);
		}
	}

}
