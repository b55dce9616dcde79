package dev.milvusboot.client.internal.command;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Message;

import dev.milvusboot.client.PymilvusScript;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.AddCollectionFieldRequest;
import dev.milvusboot.client.internal.proto.AlterCollectionFieldRequest;
import dev.milvusboot.client.internal.proto.AlterCollectionRequest;
import dev.milvusboot.client.internal.proto.AlterDatabaseRequest;
import dev.milvusboot.client.internal.proto.AlterIndexRequest;
import dev.milvusboot.client.internal.proto.DescribeDatabaseRequest;
import dev.milvusboot.client.internal.proto.FieldSchema;
import dev.milvusboot.client.internal.proto.TruncateCollectionRequest;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema evolution requests no local server accepts (add field, alter field, alter and drop index properties;
 * see docs/compatibility.md), and the others too (collection and database properties, describe database, truncate),
 * compared field by field with the ones pymilvus 3.0.2 prepares for the same calls
 * ({@code pymilvus.client.prepare.Prepare}, run in Milvus Lite 3's Python, no server needed): both are parsed with
 * our protocol classes and must be equal messages.
 */
@MilvusLiteTest
class SchemaChangesRequestsTest {

	private static Map<String, Object> pymilvus;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void prepareWithPymilvus(MilvusLite lite) {
		pymilvus = (Map<String, Object>) PymilvusScript.run(lite.pythonExecutable(), null, """
				import base64
				from pymilvus import FieldSchema
				def b64(request):
				    return base64.b64encode(request.SerializeToString()).decode()
				out({
				    "add_field": b64(Prepare.add_collection_field_request("docs",
				        FieldSchema("note", DataType.VARCHAR, max_length=64, nullable=True, description="a note"))),
				    "add_int_field": b64(Prepare.add_collection_field_request("docs",
				        FieldSchema("year", DataType.INT64, nullable=True, default_value=2000))),
				    "alter_field": b64(Prepare.alter_collection_field_request("docs", "title",
				        {"max_length": "128", "mmap.enabled": "true"})),
				    "alter_index": b64(Prepare.alter_index_properties_request("docs", "vector_idx",
				        {"mmap.enabled": "true"})),
				    "drop_index_properties": b64(Prepare.drop_index_properties_request("docs", "vector_idx",
				        ["mmap.enabled"])),
				    "alter_collection": b64(Prepare.alter_collection_request("docs",
				        properties={"collection.ttl.seconds": "60", "mmap.enabled": "false"})),
				    "drop_collection_properties": b64(Prepare.alter_collection_request("docs",
				        delete_keys=["collection.ttl.seconds"])),
				    "alter_database": b64(Prepare.alter_database_properties_req("shop",
				        {"database.max.collections": "10"})),
				    "drop_database_properties": b64(Prepare.drop_database_properties_req("shop",
				        ["database.max.collections"])),
				    "describe_database": b64(Prepare.describe_database_req("shop")),
				    "truncate": b64(Prepare.truncate_collection_request("docs")),
				})
				""");
	}

	private static byte[] theirs(String name) {
		return Base64.getDecoder().decode((String) pymilvus.get(name));
	}

	private static void assertSame(Message ours, Message theirs) {
		assertThat(ours.toString()).isEqualTo(theirs.toString());
		assertThat(ours).isEqualTo(theirs);
	}

	@Test
	void addFieldIsTheFieldSchemaPymilvusSends() throws Exception {
		AddCollectionFieldRequest ours = SchemaChanges.addField("docs", dev.milvusboot.client.schema.FieldSchema
			.builder("note", DataType.VARCHAR).maxLength(64).nullable(true).description("a note").build());
		AddCollectionFieldRequest theirs = AddCollectionFieldRequest.parseFrom(theirs("add_field"));
		assertSame(FieldSchema.parseFrom(ours.getSchema()), FieldSchema.parseFrom(theirs.getSchema()));
		assertSame(ours.toBuilder().clearSchema().build(), theirs.toBuilder().clearSchema().build());

		AddCollectionFieldRequest withDefault = SchemaChanges.addField("docs", dev.milvusboot.client.schema.FieldSchema
			.builder("year", DataType.INT64).nullable(true).defaultValue(2000L).build());
		assertSame(FieldSchema.parseFrom(withDefault.getSchema()),
				FieldSchema.parseFrom(AddCollectionFieldRequest.parseFrom(theirs("add_int_field")).getSchema()));
	}

	@Test
	void alterFieldIsTheRequestPymilvusSends() throws Exception {
		assertSame(SchemaChanges.alterField("docs", "title", ordered("max_length", "128", "mmap.enabled", "true")),
				AlterCollectionFieldRequest.parseFrom(theirs("alter_field")));
	}

	@Test
	void alterAndDropIndexPropertiesAreTheRequestsPymilvusSends() throws Exception {
		assertSame(SchemaChanges.alterIndex("docs", "vector_idx", Map.of("mmap.enabled", "true"), null),
				AlterIndexRequest.parseFrom(theirs("alter_index")));
		assertSame(SchemaChanges.alterIndex("docs", "vector_idx", null, List.of("mmap.enabled")),
				AlterIndexRequest.parseFrom(theirs("drop_index_properties")));
	}

	@Test
	void alterAndDropCollectionAndDatabasePropertiesAreTheRequestsPymilvusSends() throws Exception {
		assertSame(SchemaChanges.alterCollection("docs",
				ordered("collection.ttl.seconds", "60", "mmap.enabled", "false"), null),
				AlterCollectionRequest.parseFrom(theirs("alter_collection")));
		assertSame(SchemaChanges.alterCollection("docs", null, List.of("collection.ttl.seconds")),
				AlterCollectionRequest.parseFrom(theirs("drop_collection_properties")));
		assertSame(SchemaChanges.alterDatabase("shop", Map.of("database.max.collections", "10"), null),
				AlterDatabaseRequest.parseFrom(theirs("alter_database")));
		assertSame(SchemaChanges.alterDatabase("shop", null, List.of("database.max.collections")),
				AlterDatabaseRequest.parseFrom(theirs("drop_database_properties")));
	}

	@Test
	void truncateAndDescribeDatabaseAreTheRequestsPymilvusSends() throws Exception {
		assertSame(CollectionRequests.truncateRequest("docs"),
				TruncateCollectionRequest.parseFrom(theirs("truncate")));
		assertThat(CollectionRequests.truncateRequest("docs").getCollectionName()).isEqualTo("docs");
		assertSame(DatabaseRequests.describeRequest("shop"), DescribeDatabaseRequest.parseFrom(theirs("describe_database")));
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> CollectionRequests.truncateRequest("bad name"))
			.withMessageContaining("'bad name'");
	}

	@Test
	void badInputIsRefusedNamingWhatIsWrong() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaChanges.addField("docs",
					dev.milvusboot.client.schema.FieldSchema.varchar("note", 10)))
			.withMessageContaining("Cannot add field 'note' to collection 'docs'")
			.withMessageContaining("nullable");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaChanges.alterIndex("docs", "vector_idx", Map.of(), null))
			.withMessageContaining("No properties given to set on index 'vector_idx' of collection 'docs'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaChanges.alterCollection("docs", null, List.of(" ")))
			.withMessageContaining("A property to drop from collection 'docs' needs a name");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SchemaChanges.alterField("docs", "bad-name", Map.of("max_length", "9")))
			.withMessageContaining("field name 'bad-name'");
	}

	private static Map<String, String> ordered(String... keysAndValues) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
