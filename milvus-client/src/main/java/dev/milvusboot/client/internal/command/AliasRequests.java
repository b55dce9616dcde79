package dev.milvusboot.client.internal.command;

import java.util.List;

import dev.milvusboot.client.admin.AliasDescription;
import dev.milvusboot.client.internal.proto.AlterAliasRequest;
import dev.milvusboot.client.internal.proto.CreateAliasRequest;
import dev.milvusboot.client.internal.proto.DescribeAliasRequest;
import dev.milvusboot.client.internal.proto.DescribeAliasResponse;
import dev.milvusboot.client.internal.proto.DropAliasRequest;
import dev.milvusboot.client.internal.proto.ListAliasesRequest;
import dev.milvusboot.client.internal.proto.ListAliasesResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.schema.Names;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusAliasCommands}: creating, moving, dropping,
 * describing and listing collection aliases. Arguments are checked when a command is built, before anything is
 * sent. Internal API.
 */
public final class AliasRequests {

	private static final String ALIAS = "alias";

	private AliasRequests() {
	}

	public static Command<Void> createAlias(String collection, String alias) {
		check(collection, alias);
		return Command.unary(AdminCodec.rpc("createAlias", collection,
				"create alias '" + alias + "' for collection '" + collection + "'",
				MilvusServiceGrpc.getCreateAliasMethod(),
				CreateAliasRequest.newBuilder().setCollectionName(collection).setAlias(alias).build(), (s) -> s));
	}

	/** Points an existing alias to another collection. */
	public static Command<Void> alterAlias(String collection, String alias) {
		check(collection, alias);
		return Command.unary(AdminCodec.rpc("alterAlias", collection,
				"point alias '" + alias + "' to collection '" + collection + "'",
				MilvusServiceGrpc.getAlterAliasMethod(),
				AlterAliasRequest.newBuilder().setCollectionName(collection).setAlias(alias).build(), (s) -> s));
	}

	public static Command<Void> dropAlias(String alias) {
		Names.requireValid(alias, ALIAS);
		return Command.unary(AdminCodec.rpc("dropAlias", null, "drop alias '" + alias + "'",
				MilvusServiceGrpc.getDropAliasMethod(), DropAliasRequest.newBuilder().setAlias(alias).build(),
				(s) -> s));
	}

	public static Command<AliasDescription> describeAlias(String alias) {
		Names.requireValid(alias, ALIAS);
		return Command.unary(AdminCodec.rpc("describeAlias", null, "describe alias '" + alias + "'",
				MilvusServiceGrpc.getDescribeAliasMethod(), DescribeAliasRequest.newBuilder().setAlias(alias).build(),
				DescribeAliasResponse::getStatus),
				(response) -> new AliasDescription(response.getAlias().isEmpty() ? alias : response.getAlias(),
						response.getCollection(), response.getDbName()));
	}

	public static Command<List<String>> listAliases(String collection) {
		Names.requireValid(collection, "collection name");
		return Command.unary(AdminCodec.rpc("listAliases", collection,
				"list aliases of collection '" + collection + "'", MilvusServiceGrpc.getListAliasesMethod(),
				ListAliasesRequest.newBuilder().setCollectionName(collection).build(), ListAliasesResponse::getStatus),
				(response) -> List.copyOf(response.getAliasesList()));
	}

	private static void check(String collection, String alias) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(alias, ALIAS);
	}

}
