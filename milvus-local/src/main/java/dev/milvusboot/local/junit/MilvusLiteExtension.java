package dev.milvusboot.local.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.milvusboot.local.MilvusLite;

/**
 * Resolves {@link MilvusLite} (one shared server per test JVM) and {@link TestNames} (one per test class)
 * parameters. Use it through {@link MilvusLiteTest}.
 */
public final class MilvusLiteExtension implements ParameterResolver {

	/** The shared server, started on first use. */
	public static MilvusLite server(ExtensionContext context) {
		return SharedServers.get(context, "milvus-lite", MilvusLite.class,
				() -> MilvusLite.builder().build().start());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MilvusLite.class || type == TestNames.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return (type == MilvusLite.class) ? server(context) : SharedServers.names(context);
	}

}
