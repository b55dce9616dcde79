package dev.milvusboot.autoconfigure.data.repository;

import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.config.EnableMilvusRepositories;
import dev.milvusboot.repository.config.MilvusRepositoryConfigurationExtension;
import dev.milvusboot.repository.support.MilvusRepositoryFactoryBean;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of Spring Data repositories for Milvus: like
 * {@link EnableMilvusRepositories @EnableMilvusRepositories} on the application's package, over the single
 * {@link MilvusTemplate}. On when Spring Data Commons and {@code milvus-spring-data} are on the classpath (the
 * starter brings both); {@code milvus.data.repositories.enabled=false} switches it off, and it backs off when the
 * application uses {@code @EnableMilvusRepositories} itself.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusTemplateAutoConfiguration.class)
@ConditionalOnClass({ MilvusTemplate.class, MilvusRepository.class })
@ConditionalOnSingleCandidate(MilvusTemplate.class)
@ConditionalOnMissingBean({ MilvusRepositoryFactoryBean.class, MilvusRepositoryConfigurationExtension.class })
@ConditionalOnBooleanProperty(name = "milvus.data.repositories.enabled", matchIfMissing = true)
@Import(MilvusRepositoriesRegistrar.class)
public final class MilvusRepositoriesAutoConfiguration {

}
