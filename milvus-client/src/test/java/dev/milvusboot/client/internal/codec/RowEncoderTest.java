package dev.milvusboot.client.internal.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.InsertRequest;
import dev.milvusboot.client.internal.proto.MsgType;
import dev.milvusboot.client.internal.proto.UpsertRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire form of inserts and upserts, checked by parsing it back with the generated protobuf classes.
 */
class RowEncoderTest {

	private static final CollectionSchema SCHEMA = CollectionSchema.builder("docs")
		.field(FieldSchema.int64Id("id", false))
		.field(FieldSchema.floatVector("vector", 3))
		.field(FieldSchema.builder("note", DataType.VARCHAR).maxLength(10).nullable(true).build())
		.dynamicField(true)
		.build();

	private static List<Map<String, Object>> rows(int count) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Map<String, Object> row = new HashMap<>();
			row.put("id", (long) i);
			row.put("vector", new float[] { i, i + 0.5f, -i });
			row.put("note", (i % 2 == 0) ? "n" + i : null);
			if (i == 1) {
				row.put("color", "red");
			}
			rows.add(row);
		}
		return rows;
	}

	private static FieldData column(InsertRequest request, String name) {
		return request.getFieldsDataList().stream().filter((f) -> f.getFieldName().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void whenRowsAreEncodedThenTheBytesParseToTheSameValues() throws Exception {
		List<EncodedWrite> batches = RowEncoder.encode(false, "p1", SCHEMA, rows(3), 1 << 20);
		assertThat(batches).hasSize(1);
		byte[] bytes = batches.get(0).toByteArray();
		assertThat(bytes).hasSize((int) batches.get(0).serializedSize());
		InsertRequest request = InsertRequest.parseFrom(bytes);
		assertThat(request.getBase().getMsgType()).isEqualTo(MsgType.Insert);
		assertThat(request.getDbName()).as("the database travels in the dbname header").isEmpty();
		assertThat(request.getPartitionName()).isEqualTo("p1");
		assertThat(request.getNumRows()).isEqualTo(3);
		assertThat(column(request, "id").getScalars().getLongData().getDataList()).containsExactly(0L, 1L, 2L);
		FieldData vector = column(request, "vector");
		assertThat(vector.getVectors().getDim()).isEqualTo(3);
		assertThat(vector.getVectors().getFloatVector().getDataList()).containsExactly(0f, 0.5f, 0f, 1f, 1.5f, -1f, 2f,
				2.5f, -2f);
		FieldData note = column(request, "note");
		assertThat(note.getValidDataList()).containsExactly(true, false, true);
		assertThat(note.getScalars().getStringData().getDataList()).containsExactly("n0", "n2");
		FieldData dynamic = column(request, "$meta");
		assertThat(dynamic.getIsDynamic()).isTrue();
		assertThat(dynamic.getScalars().getJsonData().getData(1).toStringUtf8()).isEqualTo("{\"color\":\"red\"}");
		assertThat(dynamic.getScalars().getJsonData().getData(0).toStringUtf8()).isEqualTo("{}");
	}

	@Test
	void whenRowsAreUpsertedThenTheSameBytesAreAValidUpsertRequest() throws Exception {
		byte[] bytes = RowEncoder.encode(true, null, SCHEMA, rows(2), 1 << 20).get(0).toByteArray();
		UpsertRequest request = UpsertRequest.parseFrom(bytes);
		assertThat(request.getBase().getMsgType()).isEqualTo(MsgType.Upsert);
		assertThat(request.getCollectionName()).isEqualTo("docs");
		assertThat(request.getNumRows()).isEqualTo(2);
		assertThat(request.getFieldsDataCount()).isEqualTo(4);
	}

	@Test
	void whenRowsExceedTheRequestSizeThenBatchesStayUnderItAndKeepRowOrder() throws Exception {
		List<EncodedWrite> batches = RowEncoder.encode(false, null, SCHEMA, rows(1000), 8 * 1024);
		assertThat(batches.size()).isGreaterThan(3);
		long next = 0;
		for (EncodedWrite batch : batches) {
			assertThat(batch.serializedSize()).isLessThanOrEqualTo(8 * 1024);
			assertThat(batch.firstRow()).isEqualTo(next);
			InsertRequest request = InsertRequest.parseFrom(batch.toByteArray());
			assertThat(column(request, "id").getScalars().getLongData().getData(0)).isEqualTo(next);
			next += request.getNumRows();
		}
		assertThat(next).isEqualTo(1000);
	}

	@Test
	void whenFloatsAreWrittenThroughTheStreamThenTheyMatchProtobufsOwnEncoding() throws Exception {
		List<Map<String, Object>> rows = new ArrayList<>();
		float[] big = new float[20000];
		for (int i = 0; i < big.length; i++) {
			big[i] = (float) Math.sin(i);
		}
		CollectionSchema wide = CollectionSchema.builder("wide")
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.floatVector("vector", big.length))
			.build();
		rows.add(Map.of("id", 1L, "vector", big));
		byte[] ours = RowEncoder.encode(false, null, wide, rows, 1 << 24).get(0).toByteArray();
		InsertRequest parsed = InsertRequest.parseFrom(ours);
		assertThat(parsed.toByteArray()).isEqualTo(InsertRequest.parseFrom(parsed.toByteArray()).toByteArray());
		float[] back = new float[big.length];
		for (int i = 0; i < back.length; i++) {
			back[i] = column(parsed, "vector").getVectors().getFloatVector().getData(i);
		}
		assertThat(back).containsExactly(big);
	}

}
