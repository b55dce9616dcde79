package dev.milvusboot.local.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.milvusboot.local.MilvusStandalone;

/**
 * Resolves {@link MilvusStandalone} (one shared plain server per test JVM) and {@link TestNames} parameters. Use
 * it through {@link MilvusStandaloneTest}.
 */
public final class MilvusStandaloneExtension implements ParameterResolver {

	/** The shared plain server, started on first use. */
	public static MilvusStandalone server(ExtensionContext context) {
		return SharedServers.get(context, "milvus-standalone", MilvusStandalone.class,
				() -> MilvusStandalone.builder().build().start());
	}

	/** The shared server with authorization enabled (user root, password Milvus), started on first use. */
	public static MilvusStandalone withAuthorization(ExtensionContext context) {
		return SharedServers.get(context, "milvus-standalone-auth", MilvusStandalone.class,
				() -> MilvusStandalone.builder().authorization(true).build().start());
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == MilvusStandalone.class || type == TestNames.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return (type == MilvusStandalone.class) ? server(context) : SharedServers.names(context);
	}

}
