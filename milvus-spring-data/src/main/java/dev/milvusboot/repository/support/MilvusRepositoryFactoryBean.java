package dev.milvusboot.repository.support;

import dev.milvusboot.core.MilvusTemplate;

import org.springframework.beans.factory.BeanFactory;
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

	private BeanFactory beanFactory;

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
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	/** Uses the template set, or else the application's only {@code MilvusTemplate} bean. */
	@Override
	public void afterPropertiesSet() {
		if (this.template == null && this.beanFactory != null) {
			this.template = this.beanFactory.getBeanProvider(MilvusTemplate.class).getIfUnique();
		}
		Assert.state(this.template != null, () -> "Milvus repository " + getObjectType().getName()
				+ " needs a MilvusTemplate: define one bean of that type, or name one with"
				+ " @EnableMilvusRepositories(milvusTemplateRef = ...)");
		super.afterPropertiesSet();
	}

}
