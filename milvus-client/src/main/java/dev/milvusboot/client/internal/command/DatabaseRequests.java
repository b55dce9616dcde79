package dev.milvusboot.client.internal.command;

import java.util.List;

import dev.milvusboot.client.internal.proto.CreateDatabaseRequest;
import dev.milvusboot.client.internal.proto.DropDatabaseRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusDatabaseCommands}: creating, dropping and listing
 * databases. Names are checked when a command is built, before anything is sent. Internal API.
 */
public final class DatabaseRequests {

	private static final String DATABASE_NAME = "database name";

	private DatabaseRequests() {
	}

	public static Command<Void> createDatabase(String database) {
		Names.requireValid(database, DATABASE_NAME);
		return Command.unary(AdminCodec.rpc("createDatabase", null, "create database '" + database + "'",
				MilvusServiceGrpc.getCreateDatabaseMethod(),
				CreateDatabaseRequest.newBuilder().setDbName(database).build(), (s) -> s));
	}

	/** Drops a database, which must have no collections. */
	public static Command<Void> dropDatabase(String database) {
		Names.requireValid(database, DATABASE_NAME);
		return Command.unary(AdminCodec.rpc("dropDatabase", null, "drop database '" + database + "'",
				MilvusServiceGrpc.getDropDatabaseMethod(), DropDatabaseRequest.newBuilder().setDbName(database).build(),
				(s) -> s));
	}

	public static Command<List<String>> listDatabases() {
		return Command.unary(AdminCodec.rpc("listDatabases", null, "list databases",
				MilvusServiceGrpc.getListDatabasesMethod(), ListDatabasesRequest.getDefaultInstance(),
				ListDatabasesResponse::getStatus), (response) -> List.copyOf(response.getDbNamesList()));
	}

}
