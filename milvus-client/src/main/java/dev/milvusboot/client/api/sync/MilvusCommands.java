package dev.milvusboot.client.api.sync;

import java.time.Duration;

import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.api.async.MilvusAsyncCommands;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;

/**
 * Every command of the client in blocking form, for one database, deadline and retry policy. Obtained from a
 * {@link dev.milvusboot.client.MilvusClient} (which is one) or from its views ({@link #withDatabase(String)},
 * {@link #withTimeout(Duration)}, {@link #withRetry(RetryOptions)}), which share the client's connections and
 * have nothing to close. The same commands run asynchronously through {@link #async()} and reactively through
 * {@link #reactive()}.
 */
public interface MilvusCommands extends MilvusCollectionCommands, MilvusIndexCommands, MilvusPartitionCommands,
		MilvusAliasCommands, MilvusDatabaseCommands, MilvusUserCommands, MilvusMaintenanceCommands,
		MilvusRoleCommands, MilvusPrivilegeCommands,
		MilvusServerCommands, MilvusWriteCommands, MilvusQueryCommands, MilvusSearchCommands {

	/**
	 * The database these commands use.
	 * @return the database, or {@code null} for the server's default database
	 */
	String database();

	/**
	 * The same commands for another database, on the same connections (no reconnect).
	 * @param database the database
	 * @return the view
	 */
	MilvusCommands withDatabase(String database);

	/**
	 * The same commands with another deadline for each operation (retries included), on the same connections.
	 * @param timeout the deadline
	 * @return the view
	 */
	MilvusCommands withTimeout(Duration timeout);

	/**
	 * The same commands with another retry policy, on the same connections.
	 * @param retry the retry policy
	 * @return the view
	 */
	MilvusCommands withRetry(RetryOptions retry);

	/**
	 * The server's version, for example {@code v2.3.5} or {@code milvus_lite-3.2.2}, as the client's handshake found
	 * it ({@code "unknown"} for a server that tells none); connects if not done yet.
	 * @return the version
	 */
	String serverVersion();

	/**
	 * These commands in asynchronous form, with the same database, deadline and retry policy.
	 * @return the asynchronous commands
	 */
	MilvusAsyncCommands async();

	/**
	 * These commands in reactive form, with the same database, deadline and retry policy. Needs
	 * {@code reactor-core} on the class path.
	 * @return the reactive commands
	 */
	MilvusReactiveCommands reactive();

}
