package dev.milvusboot.repository.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.milvusboot.repository.support.ReactiveMilvusRepositoryFactoryBean;

import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Import;
import org.springframework.data.repository.config.DefaultRepositoryBaseClass;
import org.springframework.data.repository.query.QueryLookupStrategy;
import org.springframework.data.repository.query.QueryLookupStrategy.Key;

/**
 * Creates a bean for each reactive Milvus repository interface ({@code ReactiveMilvusRepository}) in the packages
 * scanned (by default the package of the annotated class), on the application's {@code ReactiveMilvusTemplate}
 * bean, or on the one named by {@link #reactiveMilvusTemplateRef()} if there are several.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(ReactiveMilvusRepositoriesRegistrar.class)
public @interface EnableReactiveMilvusRepositories {

	/** Alias of {@link #basePackages()}. */
	String[] value() default {};

	/** The packages scanned for repository interfaces. */
	String[] basePackages() default {};

	/** Classes whose packages are scanned. */
	Class<?>[] basePackageClasses() default {};

	/** Which interfaces are repositories beyond those extending a repository interface. */
	Filter[] includeFilters() default {};

	/** Which interfaces are left out. */
	Filter[] excludeFilters() default {};

	/** The suffix of custom implementation classes. */
	String repositoryImplementationPostfix() default "Impl";

	/** Where named queries are read (Milvus repositories use none). */
	String namedQueriesLocation() default "";

	/** How queries are found: from {@code @Query} or else from the method name. */
	Key queryLookupStrategy() default QueryLookupStrategy.Key.CREATE_IF_NOT_FOUND;

	/** The factory bean class of each repository. */
	Class<?> repositoryFactoryBeanClass() default ReactiveMilvusRepositoryFactoryBean.class;

	/** The base class of repositories. */
	Class<?> repositoryBaseClass() default DefaultRepositoryBaseClass.class;

	/** The name of the {@code ReactiveMilvusTemplate} bean repositories use; empty for the only one there is. */
	String reactiveMilvusTemplateRef() default "";

	/** Whether nested repository interfaces are found too. */
	boolean considerNestedRepositories() default false;

}
