package dev.milvusboot.client.api.reactive;

/**
 * Every command of the client in reactive form: nothing is sent until a subscriber subscribes, and each
 * subscription runs the command once. Failures are signalled with the {@code MilvusException} the blocking form
 * would throw. Obtained from {@code MilvusCommands#reactive()}; needs {@code reactor-core} on the class path.
 */
public interface MilvusReactiveCommands extends MilvusCollectionReactiveCommands, MilvusIndexReactiveCommands,
		MilvusPartitionReactiveCommands, MilvusAliasReactiveCommands, MilvusDatabaseReactiveCommands,
		MilvusUserReactiveCommands, MilvusMaintenanceReactiveCommands, MilvusServerReactiveCommands,
		MilvusWriteReactiveCommands, MilvusQueryReactiveCommands, MilvusSearchReactiveCommands,
		MilvusPagingReactiveCommands,
		MilvusRoleReactiveCommands, MilvusPrivilegeReactiveCommands {

}
