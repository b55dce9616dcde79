package dev.milvusboot.repository.support;

import dev.milvusboot.core.MilvusTemplate;

import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

/**
 * Creates one Milvus repository bean; {@code @EnableMilvusRepositories} registers one per repository interface.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 */
public class MilvusRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
		extends RepositoryFactoryBeanSupport<T, S, ID> {

	private MilvusTemplate template;

	/**
	 * A factory bean for a repository interface.
	 * @param repositoryInterface the interface
	 */
	public MilvusRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	/**
	 * Sets the template the repository works on.
	 * @param template the template
	 */
	public void setMilvusTemplate(MilvusTemplate template) {
		this.template = template;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory() {
		return new MilvusRepositoryFactory(this.template);
	}

	@Override
	public void afterPropertiesSet() {
		Assert.state(this.template != null, "A MilvusTemplate is required (milvusTemplateRef)");
		super.afterPropertiesSet();
	}

}
