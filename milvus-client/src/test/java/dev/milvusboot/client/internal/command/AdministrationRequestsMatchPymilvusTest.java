package dev.milvusboot.client.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.Limits;
import dev.milvusboot.client.admin.Privilege;
import dev.milvusboot.client.internal.codec.EncodedWrite;
import dev.milvusboot.client.internal.codec.Json;
import dev.milvusboot.client.internal.codec.PartialRows;
import dev.milvusboot.client.internal.proto.CreatePrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.DropPrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.ListPrivilegeGroupsRequest;
import dev.milvusboot.client.internal.proto.OperatePrivilegeGroupRequest;
import dev.milvusboot.client.internal.proto.OperatePrivilegeGroupType;
import dev.milvusboot.client.internal.proto.OperatePrivilegeType;
import dev.milvusboot.client.internal.proto.OperatePrivilegeV2Request;
import dev.milvusboot.client.internal.proto.UpsertRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests of the operations no local server accepts (privilege groups and {@code OperatePrivilegeV2}: Milvus
 * 2.5+; partial upsert beyond Milvus Lite 3) compared field by field with those pymilvus 3.0.2 prepares for the
 * same calls, in the Python of Milvus Lite 3 (pymilvus' {@code Prepare}, no server involved). pymilvus' bytes are
 * read into our generated classes; unknown fields would mean a field we do not send.
 */
@MilvusLiteTest
class AdministrationRequestsMatchPymilvusTest {

	private static Map<String, Object> pymilvus;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void prepareWithPymilvus(MilvusLite lite) throws IOException, InterruptedException {
		Path script = Files.createTempFile("pymilvus_admin_requests", ".py");
		try (InputStream in = AdministrationRequestsMatchPymilvusTest.class
			.getResourceAsStream("/admin/pymilvus_admin_requests.py")) {
			Files.write(script, in.readAllBytes());
		}
		Process process = new ProcessBuilder(lite.pythonExecutable().toString(), script.toString()).start();
		process.getOutputStream().close();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(err).isZero();
		Files.deleteIfExists(script);
		pymilvus = (Map<String, Object>) Json.parse(out);
	}

	private static <M extends Message> M theirs(String name, Message.Builder builder)
			throws InvalidProtocolBufferException {
		assertThat(pymilvus).containsKey(name);
		Object encoded = pymilvus.get(name);
		// an empty request serializes to no bytes, which the JSON reader gives back as null
		byte[] bytes = (encoded != null) ? Base64.getDecoder().decode((String) encoded) : new byte[0];
		@SuppressWarnings("unchecked")
		M message = (M) builder.mergeFrom(bytes).build();
		assertThat(message.getUnknownFields().asMap()).as("fields of pymilvus' %s we do not know", name).isEmpty();
		return message;
	}

	@Test
	void grantingAndRevokingWithOperatePrivilegeV2() throws Exception {
		OperatePrivilegeV2Request grant = PrivilegeRequests.privilegeV2Request("reader",
				Privilege.COLLECTION_READ_ONLY, "default", "docs", OperatePrivilegeType.Grant);
		OperatePrivilegeV2Request revokeEverywhere = PrivilegeRequests.privilegeV2Request("reader", Privilege.SEARCH,
				"*", "*", OperatePrivilegeType.Revoke);

		assertThat(grant).isEqualTo(theirs("grant_v2", OperatePrivilegeV2Request.newBuilder()));
		assertThat(revokeEverywhere).isEqualTo(theirs("revoke_v2_all", OperatePrivilegeV2Request.newBuilder()));
		assertThat(grant.getGrantor().getPrivilege().getName()).isEqualTo("CollectionReadOnly");
		assertThat(revokeEverywhere.getType()).isEqualTo(OperatePrivilegeType.Revoke);
	}

	@Test
	void privilegeGroupRequests() throws Exception {
		assertThat(PrivilegeRequests.createGroupRequest("readers"))
			.isEqualTo(theirs("create_group", CreatePrivilegeGroupRequest.newBuilder()));
		assertThat(PrivilegeRequests.dropGroupRequest("readers"))
			.isEqualTo(theirs("drop_group", DropPrivilegeGroupRequest.newBuilder()));
		assertThat(ListPrivilegeGroupsRequest.getDefaultInstance())
			.isEqualTo(theirs("list_groups", ListPrivilegeGroupsRequest.newBuilder()));
		OperatePrivilegeGroupRequest add = PrivilegeRequests.groupRequest("readers",
				List.of(Privilege.SEARCH, Privilege.QUERY), OperatePrivilegeGroupType.AddPrivilegesToGroup);
		assertThat(add).isEqualTo(theirs("add_to_group", OperatePrivilegeGroupRequest.newBuilder()));
		assertThat(add.getPrivilegesCount()).isEqualTo(2);
		assertThat(PrivilegeRequests.groupRequest("readers", List.of(Privilege.QUERY),
				OperatePrivilegeGroupType.RemovePrivilegesFromGroup))
			.isEqualTo(theirs("remove_from_group", OperatePrivilegeGroupRequest.newBuilder()));
	}

	@Test
	void aPartialUpsertSendsOnlyTheGivenFieldsWithPartialUpdateSet() throws Exception {
		UpsertRequest ours = partialUpsert(null, List.of(Map.of("id", 2L, "year", 1999), Map.of("id", 3L, "year", 2001)));

		assertThat(ours).isEqualTo(comparable(theirs("partial_upsert_scalar", UpsertRequest.newBuilder())));
		assertThat(ours.getPartialUpdate()).isTrue();
		assertThat(ours.getFieldsDataList()).extracting(FieldData::getFieldName).containsExactly("id", "year");
	}

	@Test
	void aPartialUpsertOfAVectorIntoAPartition() throws Exception {
		UpsertRequest ours = partialUpsert("recent",
				List.of(Map.of("id", 5L, "vector", new float[] { 0.5f, 0.25f, -1f, 2f }, "title", "new")));

		assertThat(ours)
			.isEqualTo(comparable(theirs("partial_upsert_vector_in_partition", UpsertRequest.newBuilder())));
		assertThat(ours.getFieldsDataList()).extracting(FieldData::getFieldName)
			.containsExactly("id", "title", "vector");
	}

	private static UpsertRequest partialUpsert(String partition, List<Map<String, ?>> rows)
			throws InvalidProtocolBufferException {
		CollectionSchema schema = CollectionSchema.builder("docs")
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", 4))
			.field(FieldSchema.scalar("year", DataType.INT64))
			.field(FieldSchema.varchar("title", 32))
			.build();
		List<EncodedWrite> batches = PartialRows.encode(partition, schema, rows, Limits.DEFAULT_MAX_REQUEST_SIZE);
		assertThat(batches).hasSize(1);
		UpsertRequest request = UpsertRequest.parseFrom(batches.get(0).toByteArray());
		assertThat(request.getBase().getMsgType().name()).isEqualTo("Upsert");
		return comparable(request);
	}

	/**
	 * The request without what does not travel the same way and means nothing to the server: the envelope
	 * ({@code base}, which pymilvus leaves out and we fill with the message type) and the order of the columns
	 * (we append float vector columns last, pymilvus keeps schema order; columns are matched by name).
	 */
	private static UpsertRequest comparable(UpsertRequest request) {
		List<FieldData> columns = request.getFieldsDataList()
			.stream()
			.sorted(Comparator.comparing(FieldData::getFieldName))
			.toList();
		return request.toBuilder().clearBase().clearFieldsData().addAllFieldsData(columns).build();
	}

}
