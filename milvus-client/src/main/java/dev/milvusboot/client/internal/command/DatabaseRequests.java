package dev.milvusboot.client.internal.command;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.milvusboot.client.admin.DatabaseDescription;
import dev.milvusboot.client.internal.codec.SchemaCodec;
import dev.milvusboot.client.internal.proto.AlterDatabaseRequest;
import dev.milvusboot.client.internal.proto.DescribeDatabaseRequest;
import dev.milvusboot.client.internal.proto.DescribeDatabaseResponse;

import dev.milvusboot.client.internal.proto.CreateDatabaseRequest;
import dev.milvusboot.client.internal.proto.DropDatabaseRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesRequest;
import dev.milvusboot.client.internal.proto.ListDatabasesResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusDatabaseCommands}: creating, dropping, listing,
 * describing and altering databases. Names are checked when a command is built, before anything is sent. Internal API.
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

	/** Describes a database: its id, creation time and properties. */
	public static Command<DatabaseDescription> describeDatabase(String database) {
		return Command.unary(AdminCodec.rpc("describeDatabase", null, "describe database '" + database + "'",
				MilvusServiceGrpc.getDescribeDatabaseMethod(), describeRequest(database),
				DescribeDatabaseResponse::getStatus),
				(response) -> new DatabaseDescription(
						response.getDbName().isEmpty() ? database : response.getDbName(), response.getDbID(),
						(response.getCreatedTimestamp() > 0) ? Instant.ofEpochMilli(response.getCreatedTimestamp() >>> 18)
								: null,
						SchemaCodec.toMap(response.getPropertiesList())));
	}

	static DescribeDatabaseRequest describeRequest(String database) {
		Names.requireValid(database, DATABASE_NAME);
		return DescribeDatabaseRequest.newBuilder().setDbName(database).build();
	}

	/** Sets properties of a database, such as {@code database.max.collections}. */
	public static Command<Void> alterDatabaseProperties(String database, Map<String, String> properties) {
		return alterDatabase(database,
				SchemaChanges.alterDatabase(database, Objects.requireNonNull(properties, "properties"), null),
				"set properties of");
	}

	/** Drops properties of a database. */
	public static Command<Void> dropDatabaseProperties(String database, List<String> keys) {
		return alterDatabase(database,
				SchemaChanges.alterDatabase(database, null, Objects.requireNonNull(keys, "keys")), "drop properties of");
	}

	private static Command<Void> alterDatabase(String database, AlterDatabaseRequest request, String verb) {
		return Command.unary(AdminCodec.rpc("alterDatabase", null, verb + " database '" + database + "'",
				MilvusServiceGrpc.getAlterDatabaseMethod(), request, (s) -> s));
	}

}
