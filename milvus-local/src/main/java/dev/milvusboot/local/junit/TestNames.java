package dev.milvusboot.local.junit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Unique, valid Milvus names for one test class, so tests sharing a server never see each other's data:
 * {@code collection("docs")} gives {@code docs_<class hash>_<run>_<n>}: letters, digits and underscores, starting
 * with a letter, at most {@value #MAX_LENGTH} characters.
 */
public final class TestNames {

	/** The longest name Milvus accepts. */
	public static final int MAX_LENGTH = 255;

	private final String suffix;

	private final AtomicInteger counter = new AtomicInteger();

	TestNames(Class<?> testClass) {
		this.suffix = Integer.toHexString(testClass.getName().hashCode() & 0x7fffffff) + "_"
				+ Long.toHexString(System.nanoTime() & 0xffffff);
	}

	/**
	 * A new collection name.
	 * @param base a readable base; characters other than letters, digits and underscores become underscores
	 * @return a name no other test uses
	 */
	public String collection(String base) {
		return name(base);
	}

	/**
	 * A new database name.
	 * @param base a readable base
	 * @return a name no other test uses
	 */
	public String database(String base) {
		return name(base);
	}

	/**
	 * A new alias name.
	 * @param base a readable base
	 * @return a name no other test uses
	 */
	public String alias(String base) {
		return name(base);
	}

	/**
	 * A new partition name.
	 * @param base a readable base
	 * @return a name no other test uses
	 */
	public String partition(String base) {
		return name(base);
	}

	/**
	 * A new user or role name.
	 * @param base a readable base
	 * @return a name no other test uses
	 */
	public String user(String base) {
		return name(base);
	}

	private String name(String base) {
		String clean = base.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
		if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
			clean = "t_" + clean;
		}
		String unique = "_" + this.suffix + "_" + this.counter.incrementAndGet();
		if (clean.length() + unique.length() > MAX_LENGTH) {
			clean = clean.substring(0, MAX_LENGTH - unique.length());
		}
		return clean + unique;
	}

}
