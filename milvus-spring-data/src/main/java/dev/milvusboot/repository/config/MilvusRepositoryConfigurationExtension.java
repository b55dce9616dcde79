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
import org.springframework.data.repository.core.RepositoryMetadata;

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

	/** Reactive repositories are left to {@code @EnableReactiveMilvusRepositories}, without failing. */
	@Override
	protected boolean useRepositoryConfiguration(RepositoryMetadata metadata) {
		return !metadata.isReactiveRepository();
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
