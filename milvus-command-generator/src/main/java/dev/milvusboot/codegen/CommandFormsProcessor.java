package dev.milvusboot.codegen;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Derives the asynchronous and reactive command interfaces, and the abstract classes implementing all three forms,
 * from the blocking interfaces marked {@link CommandForms}. See {@link CommandForms} for the names it uses.
 */
@SupportedAnnotationTypes("dev.milvusboot.codegen.CommandForms")
public final class CommandFormsProcessor extends AbstractProcessor {

	private static final String SYNC_PACKAGE = ".api.sync";

	private static final String BLOCKING_ONLY = "dev.milvusboot.codegen.CommandForms.BlockingOnly";

	private boolean generated;

	@Override
	public SourceVersion getSupportedSourceVersion() {
		return SourceVersion.latestSupported();
	}

	@Override
	public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
		List<TypeElement> areas = new ArrayList<>();
		for (TypeElement annotation : annotations) {
			for (Element element : round.getElementsAnnotatedWith(annotation)) {
				if (check(element)) {
					areas.add((TypeElement) element);
				}
			}
		}
		if (areas.isEmpty()) {
			return false;
		}
		if (this.generated) {
			error(areas.get(0), "All @CommandForms interfaces must be compiled together");
			return true;
		}
		this.generated = true;
		areas.sort((a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString()));
		String root = root(areas.get(0));
		for (TypeElement area : areas) {
			writeInterface(area, root, Form.ASYNC);
			writeInterface(area, root, Form.REACTIVE);
		}
		for (Form form : Form.values()) {
			writeAbstractImplementation(areas, root, form);
		}
		return true;
	}

	private boolean check(Element element) {
		if (element.getKind() != ElementKind.INTERFACE) {
			error(element, "@CommandForms goes on interfaces");
			return false;
		}
		TypeElement type = (TypeElement) element;
		String name = type.getSimpleName().toString();
		if (!packageOf(type).endsWith(SYNC_PACKAGE) || !name.startsWith("Milvus") || !name.endsWith("Commands")) {
			error(element, "A @CommandForms interface is named MilvusXxxCommands in a package ending in " + SYNC_PACKAGE);
			return false;
		}
		boolean valid = true;
		for (ExecutableElement method : methods(type)) {
			if (!method.getTypeParameters().isEmpty() || method.isDefault()
					|| method.getModifiers().contains(Modifier.STATIC)) {
				error(method, "A command method is abstract and not generic: it delegates to "
						+ requestsClass(type) + "." + method.getSimpleName());
				valid = false;
			}
		}
		return valid;
	}

	private void writeInterface(TypeElement area, String root, Form form) {
		String name = form.interfaceName(area);
		StringBuilder out = new StringBuilder();
		out.append("package ").append(root).append(form.apiPackage).append(";\n\n");
		// the imports of the blocking interface, so that its javadoc's links resolve here too
		for (String line : imports(area)) {
			out.append(line).append('\n');
		}
		out.append("\n/**\n * The ").append(form.description).append(" form of {@link ")
			.append(area.getQualifiedName())
			.append("}:\n * the same operations, each returning ")
			.append(form.resultDescription)
			.append(".\n * Generated from it at build time; edit that interface instead.\n */\n");
		out.append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n");
		out.append("public interface ").append(name).append(" {\n");
		for (ExecutableElement method : methods(area)) {
			if (isBlockingOnly(method)) {
				continue;
			}
			out.append('\n');
			appendDoc(out, method, "\t");
			out.append('\t').append(form.returnType(this, method)).append(' ').append(signature(method)).append(";\n");
		}
		out.append("\n}\n");
		write(root + form.apiPackage + "." + name, out, area);
	}

	private void writeAbstractImplementation(List<TypeElement> areas, String root, Form form) {
		String name = form.implementationName;
		StringBuilder out = new StringBuilder();
		out.append("package ").append(root).append(".internal.command;\n\n");
		out.append("/**\n * Every command of the ").append(form.description)
			.append(" form, each delegating to its\n * {@code XxxRequests} method and running the command through ")
			.append("{@link #dispatch()}.\n * Generated at build time from the {@code @CommandForms} interfaces. ")
			.append("Internal API.\n */\n");
		out.append("@javax.annotation.processing.Generated(\"").append(getClass().getName()).append("\")\n");
		out.append("public abstract class ").append(name).append(" implements ");
		for (int i = 0; i < areas.size(); i++) {
			out.append((i > 0) ? ", " : "")
				.append(root)
				.append(form.apiPackage)
				.append('.')
				.append(form.interfaceName(areas.get(i)));
		}
		out.append(" {\n\n\t/**\n\t * Where the commands run: the client's connections with the settings of this view.\n")
			.append("\t * @return the dispatch\n\t */\n\tprotected abstract Dispatch dispatch();\n");
		for (TypeElement area : areas) {
			String requests = requestsClass(area);
			for (ExecutableElement method : methods(area)) {
				if (form != Form.SYNC && isBlockingOnly(method)) {
					continue;
				}
				String command = requests + "." + method.getSimpleName() + "(" + arguments(method) + ")";
				out.append("\n\t@Override\n\tpublic ")
					.append(form.returnType(this, method))
					.append(' ')
					.append(signature(method))
					.append(" {\n\t\t")
					.append(form.body(method, command))
					.append("\n\t}\n");
			}
		}
		out.append("\n}\n");
		write(root + ".internal.command." + name, out, areas.toArray(new Element[0]));
	}

	/** The import lines of the file that declares a type, or none where the compiler's trees are not available. */
	private List<String> imports(TypeElement type) {
		try {
			com.sun.source.util.TreePath path = com.sun.source.util.Trees.instance(this.processingEnv).getPath(type);
			List<String> lines = new ArrayList<>();
			for (com.sun.source.tree.ImportTree tree : path.getCompilationUnit().getImports()) {
				String line = tree.toString().strip();
				if (!line.startsWith("import dev.milvusboot.codegen.")) {
					lines.add(line);
				}
			}
			return lines;
		}
		catch (IllegalArgumentException | NoClassDefFoundError ex) {
			return List.of();
		}
	}

	private void appendDoc(StringBuilder out, ExecutableElement method, String indent) {
		String doc = this.processingEnv.getElementUtils().getDocComment(method);
		if (doc == null || doc.isBlank()) {
			return;
		}
		out.append(indent).append("/**\n");
		for (String line : doc.stripTrailing().split("\n", -1)) {
			out.append(indent).append(" *").append(line.isEmpty() ? "" : (line.startsWith(" ") ? line : " " + line))
				.append('\n');
		}
		out.append(indent).append(" */\n");
	}

	private String signature(ExecutableElement method) {
		StringBuilder out = new StringBuilder(method.getSimpleName()).append('(');
		List<? extends VariableElement> parameters = method.getParameters();
		for (int i = 0; i < parameters.size(); i++) {
			TypeMirror type = parameters.get(i).asType();
			if (i > 0) {
				out.append(", ");
			}
			if (method.isVarArgs() && i == parameters.size() - 1) {
				out.append(((ArrayType) type).getComponentType()).append("...");
			}
			else {
				out.append(type);
			}
			out.append(' ').append(parameters.get(i).getSimpleName());
		}
		return out.append(')').toString();
	}

	private static String arguments(ExecutableElement method) {
		StringBuilder out = new StringBuilder();
		for (VariableElement parameter : method.getParameters()) {
			out.append((out.length() > 0) ? ", " : "").append(parameter.getSimpleName());
		}
		return out.toString();
	}

	/** The boxed type of a method's blocking result ({@code Void} for none). */
	String boxedResult(ExecutableElement method) {
		TypeMirror type = method.getReturnType();
		if (type.getKind() == TypeKind.VOID) {
			return "java.lang.Void";
		}
		if (type.getKind().isPrimitive()) {
			return this.processingEnv.getTypeUtils().boxedClass((PrimitiveType) type).getQualifiedName().toString();
		}
		return type.toString();
	}

	private static boolean isBlockingOnly(ExecutableElement method) {
		return method.getAnnotationMirrors()
			.stream()
			.anyMatch((mirror) -> mirror.getAnnotationType().toString().equals(BLOCKING_ONLY));
	}

	private static List<ExecutableElement> methods(TypeElement type) {
		return ElementFilter.methodsIn(type.getEnclosedElements());
	}

	private static String requestsClass(TypeElement area) {
		String name = area.getSimpleName().toString();
		return name.substring("Milvus".length(), name.length() - "Commands".length()) + "Requests";
	}

	private static String packageOf(TypeElement type) {
		Element element = type;
		while (!(element instanceof PackageElement)) {
			element = element.getEnclosingElement();
		}
		return ((PackageElement) element).getQualifiedName().toString();
	}

	private static String root(TypeElement area) {
		String name = packageOf(area);
		return name.substring(0, name.length() - SYNC_PACKAGE.length());
	}

	private void write(String qualifiedName, StringBuilder source, Element... origins) {
		try (Writer writer = this.processingEnv.getFiler().createSourceFile(qualifiedName, origins).openWriter()) {
			writer.write(source.toString());
		}
		catch (IOException ex) {
			error(origins[0], "Cannot write " + qualifiedName + ": " + ex);
		}
	}

	private void error(Element element, String message) {
		this.processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
	}

	/** The three forms of a command. */
	enum Form {

		SYNC("", "blocking", "its result", "AbstractSyncCommands"),

		ASYNC(".api.async", "asynchronous", "a {@code CompletableFuture} completed with it (or with the "
				+ "{@code MilvusException})", "AbstractAsyncCommands"),

		REACTIVE(".api.reactive", "reactive", "a Reactor {@code Mono} that runs it when subscribed",
				"AbstractReactiveCommands");

		private final String apiPackage;

		private final String description;

		private final String resultDescription;

		private final String implementationName;

		Form(String apiPackage, String description, String resultDescription, String implementationName) {
			this.apiPackage = apiPackage.isEmpty() ? SYNC_PACKAGE : apiPackage;
			this.description = description;
			this.resultDescription = resultDescription;
			this.implementationName = implementationName;
		}

		String interfaceName(TypeElement area) {
			String name = area.getSimpleName().toString();
			if (this == SYNC) {
				return name;
			}
			String suffix = (this == ASYNC) ? "AsyncCommands" : "ReactiveCommands";
			return name.substring(0, name.length() - "Commands".length()) + suffix;
		}

		String returnType(CommandFormsProcessor processor, ExecutableElement method) {
			return switch (this) {
				case SYNC -> method.getReturnType().toString();
				case ASYNC -> "java.util.concurrent.CompletableFuture<" + processor.boxedResult(method) + ">";
				case REACTIVE -> "reactor.core.publisher.Mono<" + processor.boxedResult(method) + ">";
			};
		}

		String body(ExecutableElement method, String command) {
			return switch (this) {
				case SYNC -> ((method.getReturnType().getKind() == TypeKind.VOID) ? "" : "return ")
						+ "dispatch().execute(" + command + ");";
				case ASYNC -> "return dispatch().executeAsync(() -> " + command + ");";
				case REACTIVE -> "return ReactiveDispatch.mono(dispatch(), () -> " + command + ");";
			};
		}

	}

}
