package dev.milvusboot.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import dev.milvusboot.local.MilvusLite;

/**
 * Runs a test class against a real Milvus Lite: one server per engine and test JVM, started on first use and
 * stopped when the JVM's tests end. Constructors, lifecycle methods and tests can take a
 * {@link dev.milvusboot.local.MilvusLite} and a {@link TestNames} parameter.
 * <pre>
 * &#64;MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
 * class OnMilvusLite25Tests { ... }
 * </pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(MilvusLiteExtension.class)
public @interface MilvusLiteTest {

	/**
	 * Which Milvus Lite the class runs against.
	 * @return the engine (default {@link MilvusLite.Engine#PYTHON}, Milvus Lite 3.x)
	 */
	MilvusLite.Engine engine() default MilvusLite.Engine.PYTHON;

}
