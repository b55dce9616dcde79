package dev.milvusboot.autoconfigure.data.repository;

import dev.milvusboot.autoconfigure.data.MilvusTemplateAutoConfiguration;
import dev.milvusboot.core.ReactiveMilvusTemplate;
import dev.milvusboot.repository.ReactiveMilvusRepository;
import dev.milvusboot.repository.config.EnableReactiveMilvusRepositories;
import dev.milvusboot.repository.config.ReactiveMilvusRepositoryConfigurationExtension;
import dev.milvusboot.repository.support.ReactiveMilvusRepositoryFactoryBean;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Import;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of reactive Spring Data repositories for Milvus: like
 * {@link EnableReactiveMilvusRepositories @EnableReactiveMilvusRepositories} on the application's package, over the
 * single {@link ReactiveMilvusTemplate}. On when Reactor, Spring Data Commons and {@code milvus-spring-data} are on
 * the classpath; {@code milvus.data.reactive-repositories.enabled=false} switches it off (and
 * {@code milvus.data.repositories.enabled=false} switches off blocking and reactive repositories alike), and it
 * backs off when the application uses {@code @EnableReactiveMilvusRepositories} itself.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MilvusTemplateAutoConfiguration.class)
@ConditionalOnClass({ Flux.class, ReactiveMilvusTemplate.class, ReactiveMilvusRepository.class })
@ConditionalOnSingleCandidate(ReactiveMilvusTemplate.class)
@ConditionalOnMissingBean({ ReactiveMilvusRepositoryFactoryBean.class,
		ReactiveMilvusRepositoryConfigurationExtension.class })
@ConditionalOnBooleanProperty(name = "milvus.data.repositories.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "milvus.data.reactive-repositories.enabled", matchIfMissing = true)
@Import(MilvusReactiveRepositoriesRegistrar.class)
public final class MilvusReactiveRepositoriesAutoConfiguration {

}
