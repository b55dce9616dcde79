package dev.milvusboot.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the full Milvus 2.3 standalone: one server per configuration and test JVM, started on
 * first use and stopped when the JVM's tests are done. Constructors, lifecycle methods and tests can take a
 * {@link dev.milvusboot.local.MilvusStandalone}, a {@link TestNames} and (with TLS) a {@link TestCertificates}
 * parameter.
 * <pre>
 * &#64;MilvusStandaloneTest(authorization = true, tls = MilvusStandaloneTest.Tls.MUTUAL)
 * class SecuredTests { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MilvusStandaloneExtension.class)
public @interface MilvusStandaloneTest {

	/**
	 * Whether the server requires authentication (user {@code root}, password {@code Milvus}).
	 * @return whether authorization is enabled
	 */
	boolean authorization() default false;

	/**
	 * The TLS mode, with throwaway certificates made by {@code openssl} ({@link TestCertificates}).
	 * @return the mode
	 */
	Tls tls() default Tls.NONE;

	/** TLS modes of the server. */
	enum Tls {

		/** Plain TCP. */
		NONE,

		/** One-way TLS (Milvus tlsMode 1): clients trust {@link TestCertificates#ca()}. */
		ONE_WAY,

		/** Mutual TLS (Milvus tlsMode 2): clients also present {@link TestCertificates#clientCertificate()}. */
		MUTUAL

	}

}
