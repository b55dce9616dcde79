package dev.milvusboot.client.api.sync;

import dev.milvusboot.client.HealthStatus;
import dev.milvusboot.codegen.CommandForms;

/**
 * The server itself: its health. (The server's version is cached by the client's handshake:
 * {@code MilvusClient#serverVersion()}.)
 */
@CommandForms
public interface MilvusServerCommands {

	/**
	 * Asks the server whether it is healthy. A server without {@code CheckHealth} (Milvus Lite 2.5 answers it gRPC
	 * {@code UNIMPLEMENTED}) has answered all the same, so it counts as healthy.
	 * @return whether the server is healthy, and why not
	 */
	HealthStatus checkHealth();

}
