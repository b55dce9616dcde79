package dev.milvusboot.local.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.milvusboot.local.MilvusLite;

/**
 * Resolves {@link MilvusLite} (one shared server per engine and test JVM, the engine taken from
 * {@link MilvusLiteTest#engine()}) and {@link TestNames} (one per test class) parameters. Use it through
 * {@link MilvusLiteTest}.
 */
public final class MilvusLiteExtension implements ParameterResolver {

	/**
	 * The shared server of the default engine ({@link MilvusLite.Engine#PYTHON}), started on first use.
	 * @param context any extension context of the test JVM
	 * @return the running server
	 */
	public static MilvusLite server(ExtensionContext context) {
		return server(context, MilvusLite.Engine.PYTHON);
	}

	/**
	 * The shared server of an engine, started on first use.
	 * @param context any extension context of the test JVM
	 * @param engine the engine
	 * @return the running server
	 */
	public static MilvusLite server(ExtensionContext context, MilvusLite.Engine engine) {
		String key = (engine == MilvusLite.Engine.PYTHON) ? "milvus-lite" : "milvus-lite-" + engine;
		return SharedServers.get(context, key, MilvusLite.class,
				() -> MilvusLite.builder().engine(engine).build().start());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MilvusLite.class || type == TestNames.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		if (type != MilvusLite.class) {
			return SharedServers.names(context);
		}
		MilvusLite.Engine engine = context.getTestClass()
			.flatMap((testClass) -> AnnotationSupport.findAnnotation(testClass, MilvusLiteTest.class))
			.map(MilvusLiteTest::engine)
			.orElse(MilvusLite.Engine.PYTHON);
		return server(context, engine);
	}

}
