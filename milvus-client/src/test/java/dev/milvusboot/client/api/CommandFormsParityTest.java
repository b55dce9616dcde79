package dev.milvusboot.client.api;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.milvusboot.client.api.async.MilvusAsyncCommands;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
import dev.milvusboot.client.api.sync.MilvusCommands;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three forms of the commands offer the same operations: every blocking command has an asynchronous twin
 * returning a {@code CompletableFuture} of its (boxed) result and a reactive twin returning a {@code Mono} of it
 * (or a {@code Flux} of its elements, for paged reads), with the same parameters.
 */
class CommandFormsParityTest {

	private static final Set<String> VIEW_METHODS = Set.of("database", "serverVersion", "withDatabase", "withTimeout", "withRetry",
			"async", "reactive");

	/**
	 * Commands marked {@code @CommandForms.BlockingOnly} (a source-level annotation, so named here): iterators, whose
	 * reactive forms are hand-written {@code Flux}es and which have no asynchronous form.
	 */
	private static final Set<String> BLOCKING_ONLY = Set.of("queryIterator", "searchIterator");

	@Test
	void everyBlockingCommandHasAnAsynchronousTwinWithTheSameParametersAndResult() {
		for (Method blocking : commands(MilvusCommands.class)) {
			if (BLOCKING_ONLY.contains(blocking.getName())) {
				assertThat(twin(MilvusAsyncCommands.class, blocking)).as("async twin of %s", blocking).isNull();
				continue;
			}
			Method twin = twin(MilvusAsyncCommands.class, blocking);
			assertThat(twin).as("async twin of %s", blocking).isNotNull();
			assertThat(twin.getReturnType()).isEqualTo(CompletableFuture.class);
			assertThat(resultOf(twin)).as("result of %s", twin).isEqualTo(boxed(blocking.getGenericReturnType()));
		}
		Set<String> notBlockingOnly = signatures(MilvusCommands.class);
		notBlockingOnly.removeIf((signature) -> BLOCKING_ONLY.stream().anyMatch((name) -> signature.startsWith(name + "[")));
		assertThat(signatures(MilvusAsyncCommands.class)).isEqualTo(notBlockingOnly);
	}

	@Test
	void everyBlockingCommandHasAReactiveTwinWithTheSameParametersAndResult() {
		for (Method blocking : commands(MilvusCommands.class)) {
			Method twin = twin(MilvusReactiveCommands.class, blocking);
			assertThat(twin).as("reactive twin of %s", blocking).isNotNull();
			if (BLOCKING_ONLY.contains(blocking.getName())) {
				assertThat(twin.getReturnType()).as("reactive twin of %s", blocking).isEqualTo(Flux.class);
				continue;
			}
			assertThat(twin.getReturnType()).as("reactive twin of %s", blocking).isEqualTo(Mono.class);
			assertThat(resultOf(twin)).as("result of %s", twin).isEqualTo(boxed(blocking.getGenericReturnType()));
		}
		assertThat(signatures(MilvusReactiveCommands.class)).isEqualTo(signatures(MilvusCommands.class));
	}

	private static List<Method> commands(Class<?> type) {
		return Arrays.stream(type.getMethods())
			.filter((method) -> !VIEW_METHODS.contains(method.getName()) && !Modifier.isStatic(method.getModifiers()))
			.toList();
	}

	private static Set<String> signatures(Class<?> type) {
		return commands(type).stream()
			.map((method) -> method.getName() + Arrays.toString(method.getParameterTypes()))
			.collect(Collectors.toCollection(TreeSet::new));
	}

	private static Method twin(Class<?> type, Method blocking) {
		try {
			return type.getMethod(blocking.getName(), blocking.getParameterTypes());
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	private static Type resultOf(Method method) {
		return ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0];
	}

	private static Type boxed(Type type) {
		if (type == void.class) {
			return Void.class;
		}
		if (type instanceof Class<?> primitive && primitive.isPrimitive()) {
			return switch (primitive.getName()) {
				case "boolean" -> Boolean.class;
				case "long" -> Long.class;
				case "int" -> Integer.class;
				case "double" -> Double.class;
				case "float" -> Float.class;
				default -> throw new IllegalArgumentException(primitive.getName());
			};
		}
		return type;
	}

}
