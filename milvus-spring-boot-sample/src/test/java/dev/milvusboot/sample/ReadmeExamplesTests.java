package dev.milvusboot.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compiles every {@code ```java} block of the repository's README against this module's test classpath (the
 * starter, the client, {@code milvus-spring-data}, {@code milvus-local}) plus the jars in the directory named by
 * the system property {@code readme.classpath} (Reactor, which the sample itself does not use), so that an example using an API that
 * does not exist fails the build. A block declaring a top-level class is compiled as a source file; any other
 * block is the body of a method of a class whose fields are the names the README's snippets use without declaring
 * them ({@link #CONTEXT}; a snippet may declare its own, which hide them). Both get the imports of
 * {@link #IMPORTS}.
 */
class ReadmeExamplesTests {

	/** The imports every example gets, declared in one place. */
	static final List<String> IMPORTS = List.of("java.time.*", "java.util.*", "java.util.concurrent.*",
			"dev.milvusboot.client.*", "dev.milvusboot.client.api.sync.*", "dev.milvusboot.client.api.async.*",
			"dev.milvusboot.client.api.reactive.*", "dev.milvusboot.client.data.*", "dev.milvusboot.client.schema.*",
			"dev.milvusboot.client.exception.*", "dev.milvusboot.client.admin.*", "dev.milvusboot.core.*", "dev.milvusboot.core.mapping.*",
			"dev.milvusboot.local.*", "dev.milvusboot.local.junit.*", "org.junit.jupiter.api.*",
			"static org.assertj.core.api.Assertions.*", "reactor.core.publisher.*", "org.springframework.boot.test.context.*",
			"org.springframework.boot.testcontainers.service.connection.*", "org.testcontainers.junit.jupiter.*",
			"org.testcontainers.milvus.*");

	/** The variables snippets use without declaring them: an injected template, a client, data. */
	static final String CONTEXT = "MilvusTemplate milvus; MilvusClient client; String token; String userInput; String readerPassword; String newPassword; "
			+ "List<float[]> vectors; List<float[]> queries; float[] query; float[] queryVector; float[] embedding; "
			+ "List<Map<String, Object>> rows;";

	private static final Pattern FENCE = Pattern.compile("^```java\\s*$");

	private static final Pattern TOP_LEVEL_CLASS = Pattern
		.compile("^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|final\\s+|abstract\\s+)*class\\s+\\w+", Pattern.MULTILINE);

	@TempDir
	Path classes;

	@Test
	void everyJavaExampleOfTheReadmeCompiles() throws IOException {
		Path readme = Path.of("").toAbsolutePath().getParent().resolve("README.md");
		List<Block> blocks = extract(Files.readAllLines(readme));
		assertThat(blocks).as("java blocks in %s", readme).hasSizeGreaterThanOrEqualTo(5);
		compile("README.md", blocks);
	}

	@Test
	void anExampleUsingAMethodThatDoesNotExistFailsWithItsLineAndTheCompilersMessage() {
		List<String> markdown = List.of("# Title", "", "```java", "MilvusCommands view = client.withDatabase(\"a\");",
				"client.insertAsync(\"docs\", rows);", "```");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> compile("broken.md", extract(markdown)))
			.withMessageContaining("broken.md:5:")
			.withMessageContaining("cannot find symbol")
			.withMessageContaining("insertAsync");
	}

	@Test
	void aClassExampleUsingATypeThatDoesNotExistFails() {
		List<String> markdown = List.of("```java", "class Example {", "", "\tMilvusTemplateFactory factory;", "",
				"}", "```");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> compile("broken.md", extract(markdown)))
			.withMessageContaining("broken.md:4:")
			.withMessageContaining("MilvusTemplateFactory");
	}

	@Test
	void validExamplesCompile() {
		List<String> markdown = List.of("```java", "MilvusCommands view = client.withDatabase(\"a\");",
				"CompletableFuture<Boolean> has = client.async().hasCollection(\"docs\");", "```");
		compile("valid.md", extract(markdown));
	}

	static List<Block> extract(List<String> lines) {
		List<Block> blocks = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			if (FENCE.matcher(lines.get(i)).matches()) {
				int first = i + 2;
				StringBuilder code = new StringBuilder();
				for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
					code.append(lines.get(i)).append('\n');
				}
				assertThat(i).as("```java block opened on line %d is closed", first - 1).isLessThan(lines.size());
				blocks.add(new Block(first, code.toString()));
			}
		}
		return blocks;
	}

	void compile(String document, List<Block> blocks) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK's compiler").isNotNull();
		List<Source> sources = blocks.stream().map(Source::new).toList();
		DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
		List<String> options = List.of("--release", "17", "-proc:none", "-implicit:none", "-classpath", classpath(),
				"-d", this.classes.toString());
		StringWriter out = new StringWriter();
		boolean compiled = compiler.getTask(out, null, diagnostics, options, null, sources).call();
		List<String> errors = new ArrayList<>();
		for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
			if (diagnostic.getKind() == Diagnostic.Kind.ERROR && diagnostic.getSource() instanceof Source source) {
				long line = source.block.firstLine() + diagnostic.getLineNumber() - 1 - source.prefixLines;
				errors.add(document + ":" + line + ": " + diagnostic.getMessage(Locale.ROOT));
			}
		}
		if (!compiled || !errors.isEmpty()) {
			throw new AssertionError("Java examples in " + document + " do not compile:\n" + String.join("\n", errors)
					+ ((errors.isEmpty()) ? out : ""));
		}
	}

	private static String classpath() {
		String directory = System.getProperty("readme.classpath");
		assertThat(directory).as("system property readme.classpath (set by the sample's pom)").isNotNull();
		try (Stream<Path> jars = Files.list(Path.of(directory))) {
			List<String> entries = new ArrayList<>();
			entries.add(System.getProperty("java.class.path"));
			jars.filter((jar) -> jar.toString().endsWith(".jar")).forEach((jar) -> entries.add(jar.toString()));
			return String.join(File.pathSeparator, entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + directory, ex);
		}
	}

	/**
	 * A {@code ```java} block.
	 * @param firstLine the document's line number of the block's first line of code
	 * @param code the code
	 */
	record Block(int firstLine, String code) {

		/** Whether the block is a compilation unit: it declares a top-level class, or starts with imports. */
		boolean isClass() {
			return this.code.startsWith("import ") || TOP_LEVEL_CLASS.matcher(this.code).find();
		}

	}

	/** A block as a compilation unit. */
	static final class Source extends SimpleJavaFileObject {

		final Block block;

		final int prefixLines;

		private final String text;

		Source(Block block) {
			super(URI.create("string:///ReadmeExample" + block.firstLine() + ".java"), Kind.SOURCE);
			this.block = block;
			StringBuilder prefix = new StringBuilder();
			IMPORTS.forEach((name) -> prefix.append("import ").append(name).append(";\n"));
			if (block.isClass()) {
				this.prefixLines = IMPORTS.size();
				this.text = prefix + block.code();
			}
			else {
				prefix.append("class ReadmeExample").append(block.firstLine()).append(" {\n");
				prefix.append(CONTEXT).append('\n');
				prefix.append("void example() throws Exception {\n");
				this.prefixLines = IMPORTS.size() + 3;
				this.text = prefix + block.code() + "}\n}\n";
			}
		}

		@Override
		public CharSequence getCharContent(boolean ignoreEncodingErrors) {
			return this.text;
		}

	}

}
