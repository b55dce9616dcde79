package dev.milvusboot.local.junit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique, valid Milvus names for one test class, so tests sharing a server never see each other's data:
 * {@code collection("docs")} gives {@code docs_<class hash>_<n>}.
 */
public final class TestNames {

	private final String suffix;

	private final AtomicInteger counter = new AtomicInteger();

	TestNames(Class<?> testClass) {
		this.suffix = Integer.toHexString(testClass.getName().hashCode() & 0x7fffffff) + "_"
				+ Long.toHexString(System.nanoTime() & 0xffffff);
	}

	/**
	 * A new collection name.
	 * @param base a readable base, letters, digits and underscores
	 * @return a name no other test uses
	 */
	public String collection(String base) {
		return name(base);
	}

	/** A new database name. */
	public String database(String base) {
		return name(base);
	}

	private String name(String base) {
		String clean = base.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
		if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
			clean = "t_" + clean;
		}
		return clean + "_" + this.suffix + "_" + this.counter.incrementAndGet();
	}

}
