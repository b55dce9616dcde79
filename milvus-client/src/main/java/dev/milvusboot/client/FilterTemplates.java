package dev.milvusboot.client;

/**
 * How the parameters of a {@link dev.milvusboot.client.data.Filter} reach the server.
 */
public enum FilterTemplates {

	/**
	 * The first parameterised read sends a Milvus filter template; if the server cannot parse it (Milvus before
	 * 2.5, Milvus Lite) and the same read with the values rendered as literals succeeds, the client renders
	 * literals from then on. A delete waits for that answer: it never reaches an undetected server as a template.
	 */
	DETECT,

	/** Always send filter templates (Milvus 2.5 and later). */
	ALWAYS,

	/** Always render the values as escaped literals. */
	NEVER

}
