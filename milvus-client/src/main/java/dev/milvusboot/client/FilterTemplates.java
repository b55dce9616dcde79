package dev.milvusboot.client;

/**
 * How the parameters of a {@link dev.milvusboot.client.data.Filter} reach the server.
 */
public enum FilterTemplates {

	/**
	 * Decided by the version the server reports in the handshake: templates to Milvus 2.5 and later, literals to
	 * Milvus before 2.5, to Milvus Lite 3 (which refuses templates) and to a server that reports no version (Milvus
	 * Lite 2.5, which accepts templates but misreads them: {@code year > {y}} matches nothing). Trying a template
	 * and watching for an error is not safe for that reason.
	 */
	DETECT,

	/** Always send filter templates (Milvus 2.5 and later). */
	ALWAYS,

	/** Always render the values as escaped literals. */
	NEVER

}
