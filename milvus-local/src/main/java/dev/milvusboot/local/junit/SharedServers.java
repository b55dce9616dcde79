package dev.milvusboot.local.junit;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Servers shared by every test of a JVM: kept in the root extension store, which closes them when the JVM's tests
 * are done.
 */
final class SharedServers {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServers.class);

	private SharedServers() {
	}

	static <T extends AutoCloseable> T get(ExtensionContext context, String key, Class<T> type, Supplier<T> factory) {
		return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, (k) -> factory.get(), type);
	}

	static TestNames names(ExtensionContext context) {
		Class<?> testClass = context.getRequiredTestClass();
		return context.getStore(NAMESPACE)
			.getOrComputeIfAbsent("names:" + testClass.getName(), (k) -> new TestNames(testClass), TestNames.class);
	}

}
