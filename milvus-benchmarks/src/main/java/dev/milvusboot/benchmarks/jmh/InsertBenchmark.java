package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;

import io.milvus.grpc.DescribeCollectionResponse;
import io.milvus.grpc.FieldData;
import io.milvus.grpc.InsertRequest;
import io.milvus.param.ParamUtils;
import io.milvus.param.dml.InsertParam;
import io.milvus.response.DescCollResponseWrapper;
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
 * (a) Building an insert request of 768-dim float vectors with int64 ids (and, as a third case, a varchar and a
 * JSON field), down to the serialized bytes: 1,000 rows (a realistic batch) and 10,000.
 * <p>
 * Ours: {@link RowEncoder#encode} from {@code Map} rows holding {@code float[]}, then {@link EncodedWrite#writeTo}.
 * Theirs, two documented paths of SDK 2.6: {@code theirs}, what {@code MilvusClientV2.insert} does before the call
 * ({@code InsertReq} of Gson rows, the cached DescribeCollection response converted,
 * {@code DataUtils.InsertBuilderWrapper.convertGrpcInsertRequest}, the schema timestamp set); {@code theirsColumns},
 * the column-based insert of its v1 client ({@code InsertParam} of {@code InsertParam.Field} columns, vectors as
 * {@code List<List<Float>>}, which {@code MilvusServiceClient.insert} turns into the request through
 * {@code ParamUtils.InsertBuilderWrapper} with the cached description, the schema timestamp set), each then
 * {@code InsertRequest.writeTo}. All start from rows or columns already built in the client's own model (building
 * Gson rows or boxed columns costs the SDK's users more; that is not counted). Once per trial the three requests are
 * compared field by field (every field of the request; columns by name, see {@link #checkSameRequest()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class InsertBenchmark {

	/** Rows and fields: {@code ROWS_id_vector} or {@code ROWS_id_vector_varchar_json}. */
	@Param({ "1000_id_vector", "10000_id_vector", "10000_id_vector_varchar_json" })
	public String shape;

	private CollectionSchema ourSchema;

	private List<Map<String, Object>> ourRows;

	private DescribeCollectionResponse theirDescribe;

	private List<JsonObject> theirRows;

	private List<InsertParam.Field> theirColumns;

	private final ConvertUtils convertUtils = new ConvertUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		int rows = Integer.parseInt(this.shape.substring(0, this.shape.indexOf('_')));
		boolean scalars = this.shape.endsWith("varchar_json");
		float[][] vectors = Fixtures.vectors(rows, Fixtures.DIM, 42);
		this.ourSchema = Fixtures.ourSchema(scalars);
		this.ourRows = Fixtures.ourRows(vectors, scalars);
		this.theirDescribe = Fixtures.theirDescribeResponse(scalars);
		this.theirRows = Fixtures.theirRows(vectors, scalars);
		this.theirColumns = Fixtures.theirColumns(vectors, scalars);
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

	@Benchmark
	public long theirsColumns() throws IOException {
		CountingOutputStream out = new CountingOutputStream();
		theirColumnRequest().writeTo(out);
		return out.result();
	}

	private InsertRequest theirRequest() {
		InsertReq request = InsertReq.builder().collectionName(Fixtures.COLLECTION).data(this.theirRows).build();
		DescribeCollectionResp description = this.convertUtils.convertDescCollectionResp(this.theirDescribe);
		InsertRequest rpcRequest = new DataUtils.InsertBuilderWrapper().convertGrpcInsertRequest(request, description);
		return rpcRequest.toBuilder().setSchemaTimestamp(this.theirDescribe.getUpdateTimestamp()).build();
	}

	private InsertRequest theirColumnRequest() {
		InsertParam param = InsertParam.newBuilder()
			.withCollectionName(Fixtures.COLLECTION)
			.withFields(this.theirColumns)
			.build();
		InsertRequest rpcRequest = new ParamUtils.InsertBuilderWrapper(param,
				new DescCollResponseWrapper(this.theirDescribe))
			.buildInsertRequest();
		return rpcRequest.toBuilder().setSchemaTimestamp(this.theirDescribe.getUpdateTimestamp()).build();
	}

	/**
	 * All three must send the same request; fails the run otherwise. Compared field by field, every field of the
	 * request (ours parsed with the SDK's generated class), after putting the columns in name order on all sides
	 * (the server matches columns by name). One field differs by design and is left out: {@code schema_timestamp},
	 * which the SDK copies from its cached DescribeCollection response (8 bytes more on its side) and ours does not
	 * send; it is checked to be exactly that on the SDK's side and unset on ours.
	 */
	private void checkSameRequest() throws InvalidProtocolBufferException {
		List<EncodedWrite> writes = RowEncoder.encode(false, null, this.ourSchema, this.ourRows,
				MilvusClientOptions.DEFAULT_MAX_REQUEST_SIZE);
		if (writes.size() != 1) {
			throw new IllegalStateException("Expected one batch, got " + writes.size());
		}
		InsertRequest ours = InsertRequest.parseFrom(writes.get(0).toByteArray());
		Checks.require(ours.getSchemaTimestamp() == 0, "ours sets no schema_timestamp");
		for (InsertRequest theirs : List.of(theirRequest(), theirColumnRequest())) {
			Checks.require(theirs.getSchemaTimestamp() == this.theirDescribe.getUpdateTimestamp(),
					"the SDK's schema_timestamp is its cached description's");
		}
		Checks.requireSame("insert request (ours vs the SDK's v2 rows)", normalized(ours), normalized(theirRequest()));
		Checks.requireSame("insert request (ours vs the SDK's v1 columns)", normalized(ours),
				normalized(theirColumnRequest()));
	}

	private static InsertRequest normalized(InsertRequest request) {
		List<FieldData> columns = new ArrayList<>(request.getFieldsDataList());
		columns.sort(Comparator.comparing(FieldData::getFieldName));
		return request.toBuilder().clearFieldsData().addAllFieldsData(columns).clearSchemaTimestamp().build();
	}

}
