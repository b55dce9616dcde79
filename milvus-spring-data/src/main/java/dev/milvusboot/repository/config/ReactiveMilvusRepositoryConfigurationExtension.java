package dev.milvusboot.repository.config;

import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.List;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.repository.ReactiveMilvusRepository;
import dev.milvusboot.repository.support.ReactiveMilvusRepositoryFactoryBean;

import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.data.repository.config.AnnotationRepositoryConfigurationSource;
import org.springframework.data.repository.config.RepositoryConfigurationExtensionSupport;
import org.springframework.data.repository.core.RepositoryMetadata;

/**
 * The reactive Milvus module of Spring Data's repository configuration: its factory bean, the reactive template
 * each repository is given, and only reactive repositories (blocking ones are
 * {@link MilvusRepositoryConfigurationExtension}'s).
 */
public class ReactiveMilvusRepositoryConfigurationExtension extends RepositoryConfigurationExtensionSupport {

	@Override
	public String getModuleName() {
		return "Reactive Milvus";
	}

	@Override
	protected String getModulePrefix() {
		return "milvus";
	}

	@Override
	public String getRepositoryFactoryBeanClassName() {
		return ReactiveMilvusRepositoryFactoryBean.class.getName();
	}

	@Override
	protected Collection<Class<? extends Annotation>> getIdentifyingAnnotations() {
		return List.of(MilvusCollection.class);
	}

	@Override
	protected Collection<Class<?>> getIdentifyingTypes() {
		return List.of(ReactiveMilvusRepository.class);
	}

	@Override
	protected boolean useRepositoryConfiguration(RepositoryMetadata metadata) {
		return metadata.isReactiveRepository();
	}

	@Override
	public void postProcess(BeanDefinitionBuilder builder, AnnotationRepositoryConfigurationSource config) {
		String template = config.getAttributes().getString("reactiveMilvusTemplateRef");
		if (!template.isEmpty()) {
			builder.addPropertyReference("reactiveMilvusTemplate", template);
		}
	}

}
