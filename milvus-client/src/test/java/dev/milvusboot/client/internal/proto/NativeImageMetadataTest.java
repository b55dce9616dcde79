package dev.milvusboot.client.internal.proto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.GeneratedMessage;
import com.google.protobuf.ProtocolMessageEnum;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraalVM reflection metadata shipped in the client's jar
 * ({@code META-INF/native-image/dev.milvusboot/milvus-client/reflect-config.json}) names every generated protocol
 * message, its builder and every enum, with their public methods, which protobuf's reflective accessors call
 * ({@code toString}, {@code getAllFields}). A native image of any application, with Spring or without, picks it
 * up. When the protocol changes, this test fails; run it with {@code -Dmilvus.native-metadata.update=true} to
 * rewrite the file.
 */
class NativeImageMetadataTest {

	private static final Path METADATA = Path
		.of("src/main/resources/META-INF/native-image/dev.milvusboot/milvus-client/reflect-config.json");

	@Test
	void theShippedMetadataNamesEveryGeneratedMessageBuilderAndEnum() throws IOException {
		String expected = render(protocolClasses());
		if (Boolean.getBoolean("milvus.native-metadata.update")) {
			Files.writeString(METADATA, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(METADATA, StandardCharsets.UTF_8))
			.as("%s is out of date: rerun this test with -Dmilvus.native-metadata.update=true", METADATA)
			.isEqualTo(expected);
	}

	@Test
	void everyNamedClassExistsAndIsAMessageABuilderOrAnEnum() throws ClassNotFoundException {
		Set<String> names = protocolClasses();
		assertThat(names).hasSizeGreaterThan(200).contains(SearchRequest.class.getName(),
				SearchRequest.class.getName() + "$Builder", DataType.class.getName());
		for (String name : names) {
			Class<?> type = Class.forName(name);
			assertThat(GeneratedMessage.class.isAssignableFrom(type) || GeneratedMessage.Builder.class.isAssignableFrom(type)
					|| ProtocolMessageEnum.class.isAssignableFrom(type))
				.as(name)
				.isTrue();
		}
	}

	private static String render(Set<String> names) {
		StringBuilder json = new StringBuilder("[\n");
		int i = 0;
		for (String name : names) {
			json.append("  { \"name\": \"").append(name).append("\", \"allPublicMethods\": true }");
			json.append((++i < names.size()) ? ",\n" : "\n");
		}
		return json.append("]\n").toString();
	}

	/** The generated classes, found from the proto file descriptors. */
	private static Set<String> protocolClasses() {
		Set<String> names = new LinkedHashSet<>();
		for (FileDescriptor file : List.of(CommonProto.getDescriptor(), SchemaProto.getDescriptor(),
				MilvusProto.getDescriptor())) {
			file.getMessageTypes().forEach((message) -> addMessage(names, message));
			file.getEnumTypes().forEach((enumType) -> names.add(className(enumType)));
		}
		return names;
	}

	private static void addMessage(Set<String> names, Descriptor message) {
		if (message.getOptions().getMapEntry()) {
			return;
		}
		String className = className(message);
		names.add(className);
		names.add(className + "$Builder");
		message.getNestedTypes().forEach((nested) -> addMessage(names, nested));
		message.getEnumTypes().forEach((enumType) -> names.add(className(enumType)));
	}

	private static String className(Descriptor message) {
		Descriptor containing = message.getContainingType();
		return (containing != null) ? className(containing) + "$" + message.getName()
				: topLevel(message.getFile(), message.getName());
	}

	private static String className(EnumDescriptor enumType) {
		Descriptor containing = enumType.getContainingType();
		return (containing != null) ? className(containing) + "$" + enumType.getName()
				: topLevel(enumType.getFile(), enumType.getName());
	}

	private static String topLevel(FileDescriptor file, String name) {
		String javaPackage = file.getOptions().hasJavaPackage() ? file.getOptions().getJavaPackage()
				: file.getPackage();
		String prefix = javaPackage.isEmpty() ? "" : javaPackage + ".";
		if (file.getOptions().getJavaMultipleFiles()) {
			return prefix + name;
		}
		return prefix + file.getOptions().getJavaOuterClassname() + "$" + name;
	}

}
