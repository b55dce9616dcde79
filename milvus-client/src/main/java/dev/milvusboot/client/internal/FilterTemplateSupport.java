package dev.milvusboot.client.internal;

import dev.milvusboot.client.FilterTemplates;

/**
 * Whether the server takes Milvus filter templates: fixed by {@link FilterTemplates#ALWAYS} or
 * {@link FilterTemplates#NEVER}, else unknown until the first parameterised read tells. Internal API.
 */
public final class FilterTemplateSupport {

	private volatile Boolean supported;

	FilterTemplateSupport(FilterTemplates mode) {
		this.supported = switch (mode) {
			case ALWAYS -> Boolean.TRUE;
			case NEVER -> Boolean.FALSE;
			case DETECT -> null;
		};
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
