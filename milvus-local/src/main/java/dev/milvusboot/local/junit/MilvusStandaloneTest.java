package dev.milvusboot.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the full Milvus 2.3 standalone: one plain server per test JVM, started on first use.
 * Tests can take a {@link dev.milvusboot.local.MilvusStandalone} and a {@link TestNames} parameter; an
 * authorization-enabled server comes from {@link MilvusStandaloneExtension#withAuthorization}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MilvusStandaloneExtension.class)
public @interface MilvusStandaloneTest {

}
