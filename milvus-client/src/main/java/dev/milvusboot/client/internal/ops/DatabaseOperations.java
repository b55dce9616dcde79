package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.util.List;

import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.CreateDatabaseRequest;
import dev.milvusboot.client.internal.proto.DropDatabaseRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, listing and dropping databases. Internal API.
 */
public final class DatabaseOperations {

	private final ClientCore core;

	private final CallSettings settings;

	public DatabaseOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/** Creates a database. */
	public void create(String database) {
		Names.requireValid(database, "database name");
		call(AdminCodec.rpc("createDatabase", null, "create database '" + database + "'",
				MilvusServiceGrpc.getCreateDatabaseMethod(),
				CreateDatabaseRequest.newBuilder().setDbName(database).build(), (s) -> s));
	}

	/** Drops a database, which must have no collections. */
	public void drop(String database) {
		Names.requireValid(database, "database name");
		call(AdminCodec.rpc("dropDatabase", null, "drop database '" + database + "'",
				MilvusServiceGrpc.getDropDatabaseMethod(), DropDatabaseRequest.newBuilder().setDbName(database).build(),
				(s) -> s));
	}

	/** The names of the databases. */
	public List<String> list() {
		ListDatabasesResponse response = call(AdminCodec.rpc("listDatabases", null, "list databases",
				MilvusServiceGrpc.getListDatabasesMethod(), ListDatabasesRequest.getDefaultInstance(),
				ListDatabasesResponse::getStatus));
		return List.copyOf(response.getDbNamesList());
	}

	private <Q, R> R call(Rpc<Q, R> rpc) {
		return this.core.call(rpc, this.settings);
	}

}
