package dev.milvusboot.core;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Compiles the example class of the README's "Full-text and hybrid search" section as it stands in the README
 * and runs it against a real server: the collection it creates, its text search with a hostile filter parameter
 * and its hybrid search, whose RRF scores must be those of the ranks of the plain searches of the same server.
 * Subclasses name the server.
 */
abstract class ReadmeFullTextExampleContract {

	static final String SECTION = "### Full-text and hybrid search";

	/** An author a filter must match exactly, never as an expression. */
	static final String GUEST = "cy\" or author != \"";

	private final String uri;

	@TempDir
	Path classes;

	ReadmeFullTextExampleContract(String uri) {
		this.uri = uri;
	}

	/** The {@code ```java} blocks of the section. */
	static List<String> javaBlocks() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("").toAbsolutePath().getParent().resolve("README.md"));
		int start = lines.indexOf(SECTION);
		assertThat(start).as("README section %s", SECTION).isNotNegative();
		List<String> blocks = new ArrayList<>();
		StringBuilder block = null;
		for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("### "); i++) {
			String line = lines.get(i);
			if (block == null && line.equals("```java")) {
				block = new StringBuilder();
			}
			else if (block != null && line.equals("```")) {
				blocks.add(block.toString());
				block = null;
			}
			else if (block != null) {
				block.append(line).append('\n');
			}
		}
		return blocks;
	}

	private Class<?> compileExample() throws Exception {
		List<String> blocks = javaBlocks();
		assertThat(blocks).hasSize(1);
		Path source = this.classes.resolve("NoteSearch.java");
		Files.writeString(source, blocks.get(0));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter out = new StringWriter();
		boolean compiled = compiler.getTask(out, null, null, List.of("--release", "17", "-proc:none", "-classpath",
				System.getProperty("java.class.path"), "-d", this.classes.toString()), null,
				compiler.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
		assertThat(compiled).as("the README example compiles: %s", out).isTrue();
		URLClassLoader loader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() },
				getClass().getClassLoader());
		return loader.loadClass("NoteSearch");
	}

	private static Object call(Object target, String name, Object... arguments) throws Exception {
		for (Method method : target.getClass().getDeclaredMethods()) {
			if (method.getName().equals(name) && method.getParameterCount() == arguments.length) {
				method.setAccessible(true);
				return method.invoke(target, arguments);
			}
		}
		throw new AssertionError("The README example has no method " + name);
	}

	private static long id(ScoredEntity<?> hit) throws Exception {
		Method id = hit.entity().getClass().getDeclaredMethod("id");
		id.setAccessible(true);
		return (long) id.invoke(hit.entity());
	}

	private static List<Long> ids(Object hits) throws Exception {
		List<Long> ids = new ArrayList<>();
		for (Object hit : (List<?>) hits) {
			ids.add(id((ScoredEntity<?>) hit));
		}
		return ids;
	}

	@Test
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void theReadmeExampleCompilesAndFindsNotesByWordsAndByMeaning() throws Exception {
		Class<?> example = compileExample();
		try (MilvusClient client = MilvusClient.create(this.uri)) {
			MilvusTemplate template = new MilvusTemplate(client);
			if (template.hasCollection("notes")) {
				template.dropCollection("notes");
			}
			Constructor<?> constructor = example.getDeclaredConstructor(MilvusTemplate.class);
			constructor.setAccessible(true);
			Object notes = constructor.newInstance(template);
			try {
				call(notes, "setUp", GUEST);
				assertThat(template.count("notes")).isEqualTo(3);
				assertThat(ids(call(notes, "byWords", "fox", GUEST))).containsExactly(3L);
				assertThat(ids(call(notes, "byWords", "fox", "ann"))).containsExactly(1L);
				assertThat(ids(call(notes, "byWords", "bread", GUEST))).isEmpty();

				float[] vector = { 1, 0.2f, 0, 0 };
				Class noteType = Class.forName("NoteSearch$Note", false, example.getClassLoader());
				Filter byGuest = Filter.of("author == {author}", Map.of("author", GUEST));
				Map<Long, Double> expected = new HashMap<>();
				for (List<ScoredEntity<?>> plain : List.of(
						(List<ScoredEntity<?>>) template.search(noteType, "embedding", vector, 10, Filter.NONE),
						(List<ScoredEntity<?>>) template.searchText(noteType, "quick fox", 10, byGuest))) {
					for (int rank = 1; rank <= plain.size(); rank++) {
						expected.merge(id(plain.get(rank - 1)), 1.0 / (60 + rank), Double::sum);
					}
				}
				List<ScoredEntity<?>> hybrid = (List<ScoredEntity<?>>) call(notes, "hybrid", vector, "quick fox", GUEST);
				assertThat(ids(hybrid)).containsExactly(3L, 1L, 2L);
				for (ScoredEntity<?> hit : hybrid) {
					assertThat((double) hit.score()).isCloseTo(expected.get(id(hit)), within(1e-6));
				}
			}
			finally {
				template.dropCollection("notes");
			}
		}
	}

}
