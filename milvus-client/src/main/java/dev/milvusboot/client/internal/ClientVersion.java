package dev.milvusboot.client.internal;

/**
 * This library's version, from the jar manifest when there is one. Internal API.
 */
final class ClientVersion {

	private static final String VERSION = find();

	private ClientVersion() {
	}

	static String get() {
		return VERSION;
	}

	private static String find() {
		String version = ClientVersion.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
