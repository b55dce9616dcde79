package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;

import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.v2.service.collection.response.DescribeCollectionResp;
import io.milvus.v2.service.vector.request.InsertReq;
import io.milvus.v2.utils.ConvertUtils;
import io.milvus.v2.utils.DataUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.milvusboot.benchmarks.CountingOutputStream;
import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.internal.codec.EncodedWrite;
import dev.milvusboot.client.internal.codec.RowEncoder;
import dev.milvusboot.client.schema.CollectionSchema;

/**
 * (a) Building an insert request for 10,000 rows of 768-dim float vectors with int64 ids (and, as a second case,
 * a varchar and a JSON field), down to the serialized bytes.
 * <p>
 * Ours: {@link RowEncoder#encode} from {@code Map} rows holding {@code float[]}, then {@link EncodedWrite#writeTo}.
 * Theirs: what {@code VectorService.insert} of SDK 2.6 does before the call: {@code InsertReq} of Gson rows, the
 * cached DescribeCollection response converted, {@code DataUtils.InsertBuilderWrapper.convertGrpcInsertRequest},
 * the schema timestamp set, then {@code InsertRequest.writeTo}. Both start from rows already built in the
 * client's own row model (Gson rows cost the SDK's user more to build; that is not counted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class InsertBenchmark {

	/** The rows in one request. */
	public static final int ROWS = 10_000;

	/** {@code id_vector}: id and vector; {@code id_vector_varchar_json}: plus a varchar and a JSON field. */
	@Param({ "id_vector", "id_vector_varchar_json" })
	public String fields;

	private CollectionSchema ourSchema;

	private List<Map<String, Object>> ourRows;

	private DescribeCollectionResponse theirDescribe;

	private List<JsonObject> theirRows;

	private final ConvertUtils convertUtils = new ConvertUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		boolean scalars = !this.fields.equals("id_vector");
		float[][] vectors = Fixtures.vectors(ROWS, Fixtures.DIM, 42);
		this.ourSchema = Fixtures.ourSchema(scalars);
		this.ourRows = Fixtures.ourRows(vectors, scalars);
		this.theirDescribe = Fixtures.theirDescribeResponse(scalars);
		this.theirRows = Fixtures.theirRows(vectors, scalars);
		checkSameRequest();
	}

	@Benchmark
	public long ours() throws IOException {
		CountingOutputStream out = new CountingOutputStream();
		for (EncodedWrite write : RowEncoder.encode(false, null, this.ourSchema, this.ourRows,
				MilvusClientOptions.DEFAULT_MAX_REQUEST_SIZE)) {
			write.writeTo(out);
		}
		return out.result();
	}

	@Benchmark
	public long theirs() throws IOException {
		CountingOutputStream out = new CountingOutputStream();
		theirRequest().writeTo(out);
		return out.result();
	}

	private InsertRequest theirRequest() {
		InsertReq request = InsertReq.builder().collectionName(Fixtures.COLLECTION).data(this.theirRows).build();
		DescribeCollectionResp description = this.convertUtils.convertDescCollectionResp(this.theirDescribe);
		InsertRequest rpcRequest = new DataUtils.InsertBuilderWrapper().convertGrpcInsertRequest(request, description);
		return rpcRequest.toBuilder().setSchemaTimestamp(this.theirDescribe.getUpdateTimestamp()).build();
	}

	/** Both must put the same columns on the wire; fails the run otherwise. */
	private void checkSameRequest() throws InvalidProtocolBufferException {
		List<EncodedWrite> writes = RowEncoder.encode(false, null, this.ourSchema, this.ourRows,
				MilvusClientOptions.DEFAULT_MAX_REQUEST_SIZE);
		if (writes.size() != 1) {
			throw new IllegalStateException("Expected one batch, got " + writes.size());
		}
		InsertRequest ours = InsertRequest.parseFrom(writes.get(0).toByteArray());
		InsertRequest theirs = theirRequest();
		Checks.require(ours.getNumRows() == theirs.getNumRows(), "num_rows");
		Checks.require(ours.getCollectionName().equals(theirs.getCollectionName()), "collection_name");
		Map<String, FieldData> ourColumns = byName(ours.getFieldsDataList());
		Map<String, FieldData> theirColumns = byName(theirs.getFieldsDataList());
		Checks.require(ourColumns.keySet().equals(theirColumns.keySet()),
				"columns " + ourColumns.keySet() + " vs " + theirColumns.keySet());
		ourColumns.forEach((name, column) -> Checks.require(column.equals(theirColumns.get(name)),
				"column '" + name + "' differs"));
	}

	private static Map<String, FieldData> byName(List<FieldData> columns) {
		Map<String, FieldData> byName = new HashMap<>();
		columns.forEach((column) -> byName.put(column.getFieldName(), column.toBuilder().clearFieldId().build()));
		return byName;
	}

}
