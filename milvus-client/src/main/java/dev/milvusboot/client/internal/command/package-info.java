/**
 * The one dispatch path of the client's commands. Internal API: it may change in any release.
 * <p>
 * Each area has a {@code XxxRequests} class of static methods that check the arguments and describe each operation
 * as a {@link dev.milvusboot.client.internal.command.Command}; a command runs through a
 * {@link dev.milvusboot.client.internal.command.Dispatch} (the client's connections with a view's deadline,
 * database and retry policy), blocking, asynchronously or as a Reactor {@code Mono}. The classes
 * {@code AbstractSyncCommands}, {@code AbstractAsyncCommands} and {@code AbstractReactiveCommands}, which map
 * every command interface method to its {@code XxxRequests} method, are generated at build time from the
 * {@code @CommandForms} interfaces of {@code dev.milvusboot.client.api.sync}.
 */
package dev.milvusboot.client.internal.command;
