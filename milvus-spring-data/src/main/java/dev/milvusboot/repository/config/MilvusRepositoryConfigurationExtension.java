package dev.milvusboot.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.support.MilvusRepositoryFactoryBean;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;

/**
 * The Milvus module of Spring Data's repository configuration: its factory bean, and the template each repository
 * is given.
 */
public class MilvusRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	@Override
	public String getModuleName() {
		return "Milvus";
	}

	@Override
	protected String getModulePrefix() {
		return "milvus";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return MilvusRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
		return List.of(MilvusCollection.class);
	}

	@Override
	protected Collection<Class<?>> getIdentifyingTypes() {
		return List.of(MilvusRepository.class);
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
		AnnotationAttributes attributes = config.getAttributes();
		String template = attributes.getString("milvusTemplateRef");
		if (!template.isEmpty()) {
			builder.addPropertyReference("milvusTemplate", template);
		}
	}

}
