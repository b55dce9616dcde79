package dev.milvusboot.client.api.async;

/**
 * Every command of the client in asynchronous form: each returns its {@code CompletableFuture} at once, before
 * anything is sent, and completes it when the server has answered (on the client's callback executor, if one is
 * set). Failures complete the future with the {@code MilvusException} the blocking form would throw. Obtained
 * from {@code MilvusCommands#async()}.
 */
public interface MilvusAsyncCommands extends MilvusCollectionAsyncCommands, MilvusIndexAsyncCommands,
		MilvusPartitionAsyncCommands, MilvusAliasAsyncCommands, MilvusDatabaseAsyncCommands, MilvusUserAsyncCommands,
		MilvusMaintenanceAsyncCommands, MilvusServerAsyncCommands, MilvusWriteAsyncCommands,
		MilvusQueryAsyncCommands, MilvusSearchAsyncCommands,
		MilvusRoleAsyncCommands, MilvusPrivilegeAsyncCommands {

}
