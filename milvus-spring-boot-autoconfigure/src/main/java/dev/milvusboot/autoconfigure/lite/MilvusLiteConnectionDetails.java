package dev.milvusboot.autoconfigure.lite;

import dev.milvusboot.autoconfigure.MilvusConnectionDetails;

/**
 * {@link MilvusConnectionDetails} of the local {@link MilvusLiteServer}: its URI, without credentials.
 */
final class MilvusLiteConnectionDetails implements MilvusConnectionDetails {

	private final MilvusLiteServer server;

	MilvusLiteConnectionDetails(MilvusLiteServer server) {
		this.server = server;
	}

	@Override
	public String getUri() {
		return this.server.getUri();
	}

	@Override
	public String toString() {
		return "MilvusLiteConnectionDetails[uri=" + getUri() + "]";
	}

}
