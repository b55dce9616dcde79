package dev.milvusboot.client.internal;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * Where a call's database goes: in the {@code dbname} header only (set by the transport), which Milvus (2.2.9 and
 * later) and Milvus Lite 3 honour for every call; no request body carries it. Milvus Lite 2.5, the server that
 * tells no version, has no databases and would ignore the header, so a call in another database than the default
 * is refused rather than run in the default one. Internal API.
 */
final class DatabasePlacement {

	private static final String DEFAULT_DATABASE = "default";

	private DatabasePlacement() {
	}

	/**
	 * Refuses a call the server would run in the wrong database.
	 * @param rpc the call
	 * @param settings its settings, with the database
	 * @param serverVersion the version the handshake found
	 * @throws MilvusUnsupportedException if the server has no databases and the call names another one
	 */
	static void check(Rpc<?, ?> rpc, CallSettings settings, String serverVersion) {
		String database = settings.database();
		if (database != null && !DEFAULT_DATABASE.equals(database)
				&& MilvusClient.UNKNOWN_SERVER_VERSION.equals(serverVersion)) {
			throw new MilvusUnsupportedException("Cannot " + rpc.description() + " in database '" + database
					+ "': this server (version unknown: Milvus Lite 2.5) has no databases and would use the default one");
		}
	}

}
