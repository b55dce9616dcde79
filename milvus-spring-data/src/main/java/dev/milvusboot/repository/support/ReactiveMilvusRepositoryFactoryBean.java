package dev.milvusboot.repository.support;

import dev.milvusboot.core.ReactiveMilvusTemplate;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.util.Assert;

/**
 * Creates one reactive Milvus repository bean; {@code @EnableReactiveMilvusRepositories} registers one per
 * repository interface.
 *
 * @param <T> the repository type
 * @param <S> the entity type
 * @param <ID> the id type
 */
public class ReactiveMilvusRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
		extends RepositoryFactoryBeanSupport<T, S, ID> {

	private ReactiveMilvusTemplate template;

	private BeanFactory beanFactory;

	/**
	 * A factory bean for a repository interface.
	 * @param repositoryInterface the interface
	 */
	public ReactiveMilvusRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
		super(repositoryInterface);
	}

	/**
	 * Sets the template the repository works on.
	 * @param template the template
	 */
	public void setReactiveMilvusTemplate(ReactiveMilvusTemplate template) {
		this.template = template;
	}

	@Override
	protected RepositoryFactorySupport createRepositoryFactory() {
		return new ReactiveMilvusRepositoryFactory(this.template);
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	/** Uses the template set, or else the application's only {@code ReactiveMilvusTemplate} bean. */
	@Override
	public void afterPropertiesSet() {
		if (this.template == null && this.beanFactory != null) {
			this.template = this.beanFactory.getBeanProvider(ReactiveMilvusTemplate.class).getIfUnique();
		}
		Assert.state(this.template != null, () -> "Reactive Milvus repository " + getObjectType().getName()
				+ " needs a ReactiveMilvusTemplate: define one bean of that type, or name one with"
				+ " @EnableReactiveMilvusRepositories(reactiveMilvusTemplateRef = ...)");
		super.afterPropertiesSet();
	}

}
