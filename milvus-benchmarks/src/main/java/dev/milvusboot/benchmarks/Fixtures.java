package dev.milvusboot.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.FloatArray;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.QueryResults;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.SearchResultData;
import dev.milvusboot.client.internal.proto.SearchResults;
import dev.milvusboot.client.internal.proto.StringArray;
import dev.milvusboot.client.internal.proto.VectorField;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * The data both clients work on: the same vectors, rows, schemas and response bytes for ours and theirs.
 * Everything is deterministic (fixed seeds), so runs compare alike.
 */
public final class Fixtures {

	/** The collection name used throughout. */
	public static final String COLLECTION = "bench";

	/** The vector dimension of the benchmarks. */
	public static final int DIM = 768;

	/** The primary key field. */
	public static final String ID = "id";

	/** The float vector field. */
	public static final String VECTOR = "vector";

	/** A varchar field. */
	public static final String TITLE = "title";

	/** An int64 scalar field. */
	public static final String YEAR = "year";

	/** A JSON field. */
	public static final String META = "meta";

	/** The longest title. */
	public static final int TITLE_MAX_LENGTH = 512;

	private Fixtures() {
	}

	/** {@code count} random vectors of {@code dim} floats in [-1, 1). */
	public static float[][] vectors(int count, int dim, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		float[][] vectors = new float[count][dim];
		for (float[] vector : vectors) {
			for (int i = 0; i < dim; i++) {
				vector[i] = (float) (random.nextDouble() * 2 - 1);
			}
		}
		return vectors;
	}

	/** The title of entity {@code i}: about 40 characters. */
	public static String title(long i) {
		return "A document about vector search, number " + i;
	}

	/** Our schema: int64 id and a vector, plus a varchar and a JSON field when {@code scalars}. */
	public static CollectionSchema ourSchema(boolean scalars) {
		CollectionSchema.Builder schema = CollectionSchema.builder(COLLECTION)
			.field(FieldSchema.int64Id(ID, false))
			.field(FieldSchema.floatVector(VECTOR, DIM));
		if (scalars) {
			schema.field(FieldSchema.varchar(TITLE, TITLE_MAX_LENGTH)).field(FieldSchema.scalar(META, DataType.JSON));
		}
		return schema.dynamicField(false).build();
	}

	/**
	 * The official SDK's view of the same collection: the DescribeCollection response the server sends, which the
	 * SDK caches and converts on every insert.
	 */
	public static io.milvus.grpc.DescribeCollectionResponse theirDescribeResponse(boolean scalars) {
		io.milvus.grpc.CollectionSchema.Builder schema = io.milvus.grpc.CollectionSchema.newBuilder()
			.setName(COLLECTION)
			.setEnableDynamicField(false)
			.addFields(io.milvus.grpc.FieldSchema.newBuilder()
				.setFieldID(100)
				.setName(ID)
				.setIsPrimaryKey(true)
				.setDataType(io.milvus.grpc.DataType.Int64))
			.addFields(io.milvus.grpc.FieldSchema.newBuilder()
				.setFieldID(101)
				.setName(VECTOR)
				.setDataType(io.milvus.grpc.DataType.FloatVector)
				.addTypeParams(keyValue("dim", Integer.toString(DIM))));
		if (scalars) {
			schema.addFields(io.milvus.grpc.FieldSchema.newBuilder()
				.setFieldID(102)
				.setName(TITLE)
				.setDataType(io.milvus.grpc.DataType.VarChar)
				.addTypeParams(keyValue("max_length", Integer.toString(TITLE_MAX_LENGTH))))
				.addFields(io.milvus.grpc.FieldSchema.newBuilder()
					.setFieldID(103)
					.setName(META)
					.setDataType(io.milvus.grpc.DataType.JSON));
		}
		return io.milvus.grpc.DescribeCollectionResponse.newBuilder()
			.setStatus(io.milvus.grpc.Status.newBuilder().setCode(0))
			.setSchema(schema)
			.setCollectionID(461_000_000_000_000_001L)
			.setCollectionName(COLLECTION)
			.setDbName("default")
			.setShardsNum(1)
			.setConsistencyLevel(io.milvus.grpc.ConsistencyLevel.Bounded)
			.setCreatedTimestamp(461_000_000_000_000_002L)
			.setUpdateTimestamp(461_000_000_000_000_003L)
			.build();
	}

	private static io.milvus.grpc.KeyValuePair keyValue(String key, String value) {
		return io.milvus.grpc.KeyValuePair.newBuilder().setKey(key).setValue(value).build();
	}

	/** Rows for our client: maps holding the id, the caller's {@code float[]} and, if asked, a title and JSON. */
	public static List<Map<String, Object>> ourRows(float[][] vectors, boolean scalars) {
		List<Map<String, Object>> rows = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(ID, (long) i);
			row.put(VECTOR, vectors[i]);
			if (scalars) {
				row.put(TITLE, title(i));
				Map<String, Object> meta = new LinkedHashMap<>();
				meta.put("category", "c" + (i % 10));
				meta.put("score", i % 100);
				row.put(META, meta);
			}
			rows.add(row);
		}
		return rows;
	}

	/** The same rows for the official SDK, which takes Gson {@code JsonObject} rows. */
	public static List<JsonObject> theirRows(float[][] vectors, boolean scalars) {
		List<JsonObject> rows = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			JsonObject row = new JsonObject();
			row.addProperty(ID, (long) i);
			JsonArray vector = new JsonArray(vectors[i].length);
			for (float value : vectors[i]) {
				vector.add(value);
			}
			row.add(VECTOR, vector);
			if (scalars) {
				row.addProperty(TITLE, title(i));
				JsonObject meta = new JsonObject();
				meta.addProperty("category", "c" + (i % 10));
				meta.addProperty("score", i % 100);
				row.add(META, meta);
			}
			rows.add(row);
		}
		return rows;
	}

	/**
	 * The same rows as the official SDK's v1 columns ({@code InsertParam.Field}): ids as {@code List<Long>},
	 * vectors as {@code List<List<Float>>}, and, if asked, titles as {@code List<String>} and the JSON field as
	 * {@code List<JsonObject>}.
	 */
	public static List<io.milvus.param.dml.InsertParam.Field> theirColumns(float[][] vectors, boolean scalars) {
		List<Long> ids = new ArrayList<>(vectors.length);
		List<List<Float>> vectorColumn = new ArrayList<>(vectors.length);
		List<String> titles = new ArrayList<>(vectors.length);
		List<JsonObject> metas = new ArrayList<>(vectors.length);
		for (int i = 0; i < vectors.length; i++) {
			ids.add((long) i);
			List<Float> vector = new ArrayList<>(vectors[i].length);
			for (float value : vectors[i]) {
				vector.add(value);
			}
			vectorColumn.add(vector);
			if (scalars) {
				titles.add(title(i));
				JsonObject meta = new JsonObject();
				meta.addProperty("category", "c" + (i % 10));
				meta.addProperty("score", i % 100);
				metas.add(meta);
			}
		}
		List<io.milvus.param.dml.InsertParam.Field> columns = new ArrayList<>();
		columns.add(new io.milvus.param.dml.InsertParam.Field(ID, ids));
		columns.add(new io.milvus.param.dml.InsertParam.Field(VECTOR, vectorColumn));
		if (scalars) {
			columns.add(new io.milvus.param.dml.InsertParam.Field(TITLE, titles));
			columns.add(new io.milvus.param.dml.InsertParam.Field(META, metas));
		}
		return columns;
	}

	/**
	 * A serialized search response as the server sends it: {@code queries} × {@code topK} hits with int64 ids,
	 * scores, and the output fields {@link #YEAR} (int64) and {@link #TITLE} (varchar).
	 */
	public static byte[] searchResponse(int queries, int topK) {
		int hits = queries * topK;
		SplittableRandom random = new SplittableRandom(7);
		LongArray.Builder ids = LongArray.newBuilder();
		FloatArray.Builder scores = FloatArray.newBuilder();
		LongArray.Builder years = LongArray.newBuilder();
		StringArray.Builder titles = StringArray.newBuilder();
		for (int q = 0; q < queries; q++) {
			float score = 1.0f;
			for (int k = 0; k < topK; k++) {
				long id = random.nextLong(1_000_000_000L);
				ids.addData(id);
				score -= (float) random.nextDouble() * 0.01f;
				scores.addData(score);
				years.addData(1950 + random.nextInt(75));
				titles.addData(title(id));
			}
		}
		SearchResultData.Builder data = SearchResultData.newBuilder()
			.setNumQueries(queries)
			.setTopK(topK)
			.setIds(IDs.newBuilder().setIntId(ids))
			.addAllScores(scores.getDataList())
			.addFieldsData(FieldData.newBuilder()
				.setType(dev.milvusboot.client.internal.proto.DataType.Int64)
				.setFieldName(YEAR)
				.setFieldId(102)
				.setScalars(ScalarField.newBuilder().setLongData(years)))
			.addFieldsData(FieldData.newBuilder()
				.setType(dev.milvusboot.client.internal.proto.DataType.VarChar)
				.setFieldName(TITLE)
				.setFieldId(103)
				.setScalars(ScalarField.newBuilder().setStringData(titles)))
			.addOutputFields(YEAR)
			.addOutputFields(TITLE)
			.setPrimaryFieldName(ID);
		for (int q = 0; q < queries; q++) {
			data.addTopks(topK);
		}
		if (data.getScoresCount() != hits) {
			throw new IllegalStateException("Wrong fixture");
		}
		return SearchResults.newBuilder().setCollectionName(COLLECTION).setResults(data).build().toByteArray();
	}

	/** A serialized query response: {@code rows} entities with id, title and a {@code dim} float vector. */
	public static byte[] queryResponse(int rows, int dim) {
		float[][] vectors = vectors(rows, dim, 11);
		LongArray.Builder ids = LongArray.newBuilder();
		StringArray.Builder titles = StringArray.newBuilder();
		FloatArray.Builder floats = FloatArray.newBuilder();
		for (int i = 0; i < rows; i++) {
			ids.addData(i);
			titles.addData(title(i));
			for (float value : vectors[i]) {
				floats.addData(value);
			}
		}
		return QueryResults.newBuilder()
			.setCollectionName(COLLECTION)
			.addFieldsData(FieldData.newBuilder()
				.setType(dev.milvusboot.client.internal.proto.DataType.Int64)
				.setFieldName(ID)
				.setFieldId(100)
				.setScalars(ScalarField.newBuilder().setLongData(ids)))
			.addFieldsData(FieldData.newBuilder()
				.setType(dev.milvusboot.client.internal.proto.DataType.VarChar)
				.setFieldName(TITLE)
				.setFieldId(102)
				.setScalars(ScalarField.newBuilder().setStringData(titles)))
			.addFieldsData(FieldData.newBuilder()
				.setType(dev.milvusboot.client.internal.proto.DataType.FloatVector)
				.setFieldName(VECTOR)
				.setFieldId(101)
				.setVectors(VectorField.newBuilder().setDim(dim).setFloatVector(floats)))
			.addOutputFields(ID)
			.addOutputFields(TITLE)
			.addOutputFields(VECTOR)
			.setPrimaryFieldName(ID)
			.build()
			.toByteArray();
	}

}
