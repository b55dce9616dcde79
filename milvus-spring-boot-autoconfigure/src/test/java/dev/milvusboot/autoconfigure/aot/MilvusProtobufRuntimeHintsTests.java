package dev.milvusboot.autoconfigure.aot;

import com.google.protobuf.Descriptors;
import com.google.protobuf.GeneratedMessage;
import dev.milvusboot.client.internal.proto.CheckHealthResponse;
import dev.milvusboot.client.internal.proto.CollectionSchema;
import dev.milvusboot.client.internal.proto.DataType;
import dev.milvusboot.client.internal.proto.SearchRequest;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusProtobufRuntimeHints}.
 */
class MilvusProtobufRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	MilvusProtobufRuntimeHintsTests() {
		new MilvusProtobufRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void whenRegisteredThenMessagesAndBuildersAreReflectivelyInvocable() throws Exception {
		for (Class<?> message : new Class<?>[] { CheckHealthResponse.class, SearchRequest.class,
				CollectionSchema.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(message))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection()
				.onType(message)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS)).accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(message, "getDefaultInstance"))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(message.getMethod("newBuilder")))
				.accepts(this.hints);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(message, "parser")).accepts(this.hints);
			Class<?> builder = ClassUtils.resolveClassName(message.getName() + "$Builder", null);
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(builder, "build")).accepts(this.hints);
		}
	}

	@Test
	void whenRegisteredThenEnumsAreReflectivelyInvocable() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(
				DataType.class.getMethod("valueOf", Descriptors.EnumValueDescriptor.class)))
			.accepts(this.hints);
	}

	@Test
	void whenRegisteredThenEveryHintedTypeIsAGeneratedClassThatExists() {
		assertThat(this.hints.reflection().typeHints()).hasSizeGreaterThan(200).allSatisfy((hint) -> {
			Class<?> type = ClassUtils.resolveClassName(hint.getType().getName(), null);
			assertThat(type.getPackageName()).isEqualTo("dev.milvusboot.client.internal.proto");
		});
		long messages = this.hints.reflection()
			.typeHints()
			.map((hint) -> ClassUtils.resolveClassName(hint.getType().getName(), null))
			.filter(GeneratedMessage.class::isAssignableFrom)
			.count();
		assertThat(messages).isGreaterThan(100);
		assertThat(this.hints.reflection().getTypeHint(TypeReference.of(SearchRequest.class.getName() + "$Builder")))
			.isNotNull();
	}

	@Test
	void whenClientIsAbsentThenNothingIsRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new MilvusProtobufRuntimeHints().registerHints(hints,
				new FilteredClassLoader("dev.milvusboot.client.MilvusClient"));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	@Test
	void whenLoadedFromAotFactoriesThenRegistrarIsFound() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(MilvusProtobufRuntimeHints.class);
	}

}
