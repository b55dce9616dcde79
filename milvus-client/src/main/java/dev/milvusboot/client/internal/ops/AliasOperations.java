package dev.milvusboot.client.internal.ops;

import dev.milvusboot.client.internal.command.AdminCodec;
import java.util.List;

import dev.milvusboot.client.admin.AliasDescription;
import dev.milvusboot.client.internal.ClientCore;
import dev.milvusboot.client.internal.proto.AlterAliasRequest;
import dev.milvusboot.client.internal.proto.CreateAliasRequest;
import dev.milvusboot.client.internal.proto.DescribeAliasRequest;
import dev.milvusboot.client.internal.proto.DescribeAliasResponse;
import dev.milvusboot.client.internal.proto.DropAliasRequest;
import dev.milvusboot.client.internal.proto.ListAliasesRequest;
import dev.milvusboot.client.internal.proto.ListAliasesResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.CallSettings;
import dev.milvusboot.client.internal.transport.Rpc;
import dev.milvusboot.client.schema.Names;

/**
 * Creating, moving, describing, listing and dropping collection aliases. Internal API.
 */
public final class AliasOperations {

	private final ClientCore core;

	private final CallSettings settings;

	public AliasOperations(ClientCore core, CallSettings settings) {
		this.core = core;
		this.settings = settings;
	}

	/** Creates an alias for a collection. */
	public void create(String collection, String alias) {
		check(collection, alias);
		call(AdminCodec.rpc("createAlias", collection,
				"create alias '" + alias + "' for collection '" + collection + "'",
				MilvusServiceGrpc.getCreateAliasMethod(),
				CreateAliasRequest.newBuilder().setCollectionName(collection).setAlias(alias).build(), (s) -> s));
	}

	/** Points an existing alias to another collection. */
	public void alter(String collection, String alias) {
		check(collection, alias);
		call(AdminCodec.rpc("alterAlias", collection,
				"point alias '" + alias + "' to collection '" + collection + "'",
				MilvusServiceGrpc.getAlterAliasMethod(),
				AlterAliasRequest.newBuilder().setCollectionName(collection).setAlias(alias).build(), (s) -> s));
	}

	/** Drops an alias. */
	public void drop(String alias) {
		Names.requireValid(alias, "alias");
		call(AdminCodec.rpc("dropAlias", null, "drop alias '" + alias + "'", MilvusServiceGrpc.getDropAliasMethod(),
				DropAliasRequest.newBuilder().setAlias(alias).build(), (s) -> s));
	}

	/** Says which collection an alias points to. */
	public AliasDescription describe(String alias) {
		Names.requireValid(alias, "alias");
		DescribeAliasResponse response = call(AdminCodec.rpc("describeAlias", null, "describe alias '" + alias + "'",
				MilvusServiceGrpc.getDescribeAliasMethod(), DescribeAliasRequest.newBuilder().setAlias(alias).build(),
				DescribeAliasResponse::getStatus));
		return new AliasDescription(response.getAlias().isEmpty() ? alias : response.getAlias(),
				response.getCollection(), response.getDbName());
	}

	/** The aliases of a collection. */
	public List<String> list(String collection) {
		Names.requireValid(collection, "collection name");
		ListAliasesResponse response = call(AdminCodec.rpc("listAliases", collection,
				"list aliases of collection '" + collection + "'", MilvusServiceGrpc.getListAliasesMethod(),
				ListAliasesRequest.newBuilder().setCollectionName(collection).build(),
				ListAliasesResponse::getStatus));
		return List.copyOf(response.getAliasesList());
	}

	private static void check(String collection, String alias) {
		Names.requireValid(collection, "collection name");
		Names.requireValid(alias, "alias");
	}

	private <Q, R> R call(Rpc<Q, R> rpc) {
		return this.core.call(rpc, this.settings);
	}

}
