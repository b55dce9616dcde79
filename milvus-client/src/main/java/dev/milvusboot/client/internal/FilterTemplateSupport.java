package dev.milvusboot.client.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.milvusboot.client.FilterTemplates;

/**
 * Whether the server takes Milvus filter templates: fixed by {@link FilterTemplates#ALWAYS} or
 * {@link FilterTemplates#NEVER}, else learned from the server's version on the first parameterised call.
 * Internal API.
 */
public final class FilterTemplateSupport {

	/** A Milvus release as {@code GetVersion} tells it, e.g. {@code v2.5.4} or {@code 2.6.0-beta}. */
	private static final Pattern MILVUS_VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(\\..*)?");

	private volatile Boolean supported;

	FilterTemplateSupport(FilterTemplates mode) {
		this.supported = switch (mode) {
			case ALWAYS -> Boolean.TRUE;
			case NEVER -> Boolean.FALSE;
			case DETECT -> null;
		};
	}

	/**
	 * Whether a server of a version reads filter templates: Milvus 2.5 and later do; Milvus before 2.5, Milvus Lite
	 * 3 ({@code milvus_lite-3...}, refuses them) and a server of unknown version (Milvus Lite 2.5, misreads them) do
	 * not.
	 * @param version the version the server reported
	 * @return whether to send templates
	 */
	public static boolean readsTemplates(String version) {
		Matcher matcher = MILVUS_VERSION.matcher(version);
		if (!matcher.matches()) {
			return false;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		return major > 2 || (major == 2 && minor >= 5);
	}

	/** Whether templates are sent, or {@code null} while the server has not told. */
	public Boolean supported() {
		return this.supported;
	}

	/** Records the server's answer. */
	public void learned(boolean supported) {
		this.supported = supported;
	}

}
