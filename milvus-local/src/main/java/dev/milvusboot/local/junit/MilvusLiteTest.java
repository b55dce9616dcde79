package dev.milvusboot.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a real Milvus Lite: one server per test JVM, started on first use and stopped when
 * the JVM's tests end. Constructors, lifecycle methods and tests can take a {@link dev.milvusboot.local.MilvusLite}
 * and a {@link TestNames} parameter.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MilvusLiteExtension.class)
public @interface MilvusLiteTest {

}
