package dev.milvusboot.autoconfigure.aot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.milvusboot.client.internal.proto.CommonProto;
import dev.milvusboot.client.internal.proto.MilvusProto;
import dev.milvusboot.client.internal.proto.SchemaProto;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.util.ClassUtils;

/**
 * {@link RuntimeHintsRegistrar} for the Milvus client's generated protobuf classes in
 * {@code dev.milvusboot.client.internal.proto}: every message and its {@code Builder}, and every enum, with their
 * public methods ({@code getDefaultInstance}, {@code newBuilder}, {@code parser}, field accessors, {@code valueOf}),
 * which protobuf's reflective field accessors call (for {@code toString}, {@code getAllFields} and the like). The
 * classes are found from the proto file descriptors, so new messages are covered without changes here.
 *
 * @since 0.1.0
 */
public class MilvusProtobufRuntimeHints implements RuntimeHintsRegistrar {

	private static final String CLIENT_CLASS = "dev.milvusboot.client.MilvusClient";

	private static final String PROTOBUF_CLASS = "com.google.protobuf.GeneratedMessage";

	private static final MemberCategory[] CATEGORIES = { MemberCategory.INVOKE_PUBLIC_METHODS };

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(CLIENT_CLASS, classLoader) || !ClassUtils.isPresent(PROTOBUF_CLASS, classLoader)) {
			return;
		}
		for (String className : ProtobufClasses.names()) {
			hints.reflection().registerType(TypeReference.of(className), CATEGORIES);
		}
	}

	/**
	 * Finds the generated classes; only loaded once the client and protobuf are known to be present.
	 */
	static final class ProtobufClasses {

		private ProtobufClasses() {
		}

		static Set<String> names() {
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

}
