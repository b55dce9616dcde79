package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.grpc.MethodDescriptor;
import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.utils.ConvertUtils;
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
import org.openjdk.jmh.infra.Blackhole;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.benchmarks.ResponseStream;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.internal.codec.QueryResponse;

/**
 * (d) Decoding a query result of 10,000 rows with id, a varchar and a 768-dim float vector, from the serialized
 * response bytes (parsed by each client's gRPC response marshaller, as on a real call) to every row's values.
 * <p>
 * Ours: the client's response marshaller ({@link QueryResponse}: float vectors read from the wire straight into
 * each row's {@code float[]}), then the rows. Theirs: parse, {@code ConvertUtils.getEntities} into {@code QueryResp}
 * (its vectors are {@code List<Float>} views over the parsed message).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class QueryDecodeBenchmark {

	/** The rows of the result. */
	public static final int ROWS = 10_000;

	private static final List<String> OUTPUT_FIELDS = List.of(Fixtures.ID, Fixtures.TITLE, Fixtures.VECTOR);

	private static final io.milvus.shaded.io.grpc.MethodDescriptor.Marshaller<io.milvus.grpc.QueryResults> THEIR_MARSHALLER = io.milvus.grpc.MilvusServiceGrpc
		.getQueryMethod()
		.getResponseMarshaller();

	/** {@code refs}: fetch each value; {@code values}: also read every vector element. */
	@Param({ "refs", "values" })
	public String read;

	private boolean readValues;

	private byte[] response;

	private final ConvertUtils convertUtils = new ConvertUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.readValues = this.read.equals("values");
		this.response = Fixtures.queryResponse(ROWS, Fixtures.DIM);
		checkSameRows();
	}

	@Benchmark
	public void ours(Blackhole blackhole) {
		consumeOurs(ourRows(), blackhole);
	}

	private void consumeOurs(List<Row> rows, Blackhole blackhole) {
		for (Row row : rows) {
			blackhole.consume(row.get(Fixtures.ID));
			blackhole.consume(row.get(Fixtures.TITLE));
			Object vector = row.get(Fixtures.VECTOR);
			if (this.readValues) {
				float sum = 0;
				for (float value : (float[]) vector) {
					sum += value;
				}
				blackhole.consume(sum);
			}
			else {
				blackhole.consume(vector);
			}
		}
	}

	@Benchmark
	public void theirs(Blackhole blackhole) {
		for (QueryResp.QueryResult row : theirRows().getQueryResults()) {
			Map<String, Object> entity = row.getEntity();
			blackhole.consume(entity.get(Fixtures.ID));
			blackhole.consume(entity.get(Fixtures.TITLE));
			Object vector = entity.get(Fixtures.VECTOR);
			if (this.readValues) {
				float sum = 0;
				for (Float value : floatList(vector)) {
					sum += value;
				}
				blackhole.consume(sum);
			}
			else {
				blackhole.consume(vector);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Float> floatList(Object vector) {
		return (List<Float>) vector;
	}

	private List<Row> ourRows() {
		return QueryResponse.marshaller().parse(new ResponseStream(this.response)).rows(OUTPUT_FIELDS);
	}

	private QueryResp theirRows() {
		io.milvus.grpc.QueryResults results = THEIR_MARSHALLER.parse(new ResponseStream(this.response));
		return QueryResp.builder()
			.queryResults(this.convertUtils.getEntities(results))
			.sessionTs(results.getSessionTs())
			.build();
	}

	/** All three must see the same rows; fails the run otherwise. */
	private void checkSameRows() {
		List<Row> ours = ourRows();
		List<QueryResp.QueryResult> theirs = theirRows().getQueryResults();
		Checks.require(ours.size() == theirs.size() && ours.size() == ROWS,
				"number of rows");
		for (int i = 0; i < ROWS; i++) {
			Row our = ours.get(i);
			Map<String, Object> their = theirs.get(i).getEntity();
			Checks.require(our.get(Fixtures.ID).equals(their.get(Fixtures.ID)), "id of row " + i);
			Checks.require(our.get(Fixtures.TITLE).equals(their.get(Fixtures.TITLE)), "title of row " + i);
			List<Float> theirVector = floatList(their.get(Fixtures.VECTOR));
			float[] expected = new float[theirVector.size()];
			for (int j = 0; j < expected.length; j++) {
				expected[j] = theirVector.get(j);
			}
			Checks.require(Arrays.equals((float[]) our.get(Fixtures.VECTOR), expected), "vector of row " + i);
		}
	}
}
