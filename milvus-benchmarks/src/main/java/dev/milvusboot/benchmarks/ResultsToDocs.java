package dev.milvusboot.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies result tables into a Markdown document: every block between {@code <!-- results:FILE -->} and
 * {@code <!-- /results:FILE -->} is replaced by the content of {@code FILE} in the results directory, without the
 * file's first heading (the document has its own). A marker whose file does not exist is left as it is, and named.
 * <p>
 * Usage: {@code ResultsToDocs RESULTS_DIR DOCUMENT}.
 */
public final class ResultsToDocs {

	private static final Pattern BLOCK = Pattern
		.compile("(<!-- results:([\\w.-]+) -->\\n)(.*?)(<!-- /results:\\2 -->)", Pattern.DOTALL);

	private ResultsToDocs() {
	}

	public static void main(String[] args) throws IOException {
		Path results = Paths.get(args[0]);
		Path document = Paths.get(args[1]);
		String text = Files.readString(document);
		List<String> missing = new ArrayList<>();
		List<String> copied = new ArrayList<>();
		Matcher m = BLOCK.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Path file = results.resolve(m.group(2));
			String replacement;
			if (Files.isRegularFile(file)) {
				replacement = m.group(1) + withoutFirstHeading(Files.readString(file)).strip() + "\n" + m.group(4);
				copied.add(m.group(2));
			}
			else {
				replacement = m.group(0);
				missing.add(m.group(2));
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(out);
		Files.writeString(document, out.toString());
		System.out.println("Copied into " + document + ": " + copied + (missing.isEmpty() ? "" : "; no results yet: " + missing));
	}

	static String withoutFirstHeading(String markdown) {
		String stripped = markdown.stripLeading();
		if (stripped.startsWith("#")) {
			int end = stripped.indexOf('\n');
			return (end < 0) ? "" : stripped.substring(end + 1);
		}
		return stripped;
	}

}
