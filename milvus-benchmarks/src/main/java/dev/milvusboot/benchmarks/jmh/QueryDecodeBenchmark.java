package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.milvus.v2.service.vector.response.QueryResp;
import io.milvus.v2.utils.ConvertUtils;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.internal.codec.QueryResultDecoder;

/**
 * (d) Decoding a query result of 10,000 rows with id, a varchar and a 768-dim float vector, from the serialized
 * response bytes to every row's three values, each read once.
 * <p>
 * Ours: parse, {@link QueryResultDecoder#decode} into {@code Row}s ({@code float[]} vectors). Theirs: parse,
 * {@code ConvertUtils.getEntities} into {@code QueryResp} (what {@code VectorService.query} does; vectors as
 * {@code List<Float>}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryDecodeBenchmark {

	/** The rows of the result. */
	public static final int ROWS = 10_000;

	private static final List<String> OUTPUT_FIELDS = List.of(Fixtures.ID, Fixtures.TITLE, Fixtures.VECTOR);

	private byte[] response;

	private final ConvertUtils convertUtils = new ConvertUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.response = Fixtures.queryResponse(ROWS, Fixtures.DIM);
		checkSameRows();
	}

	@Benchmark
	public void ours(Blackhole blackhole) throws IOException {
		for (Row row : ourRows()) {
			blackhole.consume(row.get(Fixtures.ID));
			blackhole.consume(row.get(Fixtures.TITLE));
			blackhole.consume(row.get(Fixtures.VECTOR));
		}
	}

	@Benchmark
	public void theirs(Blackhole blackhole) throws IOException {
		for (QueryResp.QueryResult row : theirRows().getQueryResults()) {
			Map<String, Object> entity = row.getEntity();
			blackhole.consume(entity.get(Fixtures.ID));
			blackhole.consume(entity.get(Fixtures.TITLE));
			blackhole.consume(entity.get(Fixtures.VECTOR));
		}
	}

	private List<Row> ourRows() throws IOException {
		dev.milvusboot.client.internal.proto.QueryResults results = dev.milvusboot.client.internal.proto.QueryResults
			.parseFrom(this.response);
		return QueryResultDecoder.decode(results.getFieldsDataList(), OUTPUT_FIELDS);
	}

	private QueryResp theirRows() throws IOException {
		io.milvus.grpc.QueryResults results = io.milvus.grpc.QueryResults.parseFrom(this.response);
		return QueryResp.builder()
			.queryResults(this.convertUtils.getEntities(results))
			.sessionTs(results.getSessionTs())
			.build();
	}

	/** Both must see the same rows; fails the run otherwise. */
	@SuppressWarnings("unchecked")
	private void checkSameRows() throws IOException {
		List<Row> ours = ourRows();
		List<QueryResp.QueryResult> theirs = theirRows().getQueryResults();
		Checks.require(ours.size() == theirs.size() && ours.size() == ROWS, "number of rows");
		for (int i = 0; i < ROWS; i++) {
			Row our = ours.get(i);
			Map<String, Object> their = theirs.get(i).getEntity();
			Checks.require(our.get(Fixtures.ID).equals(their.get(Fixtures.ID)), "id of row " + i);
			Checks.require(our.get(Fixtures.TITLE).equals(their.get(Fixtures.TITLE)), "title of row " + i);
			List<Float> theirVector = (List<Float>) their.get(Fixtures.VECTOR);
			float[] expected = new float[theirVector.size()];
			for (int j = 0; j < expected.length; j++) {
				expected[j] = theirVector.get(j);
			}
			Checks.require(Arrays.equals((float[]) our.get(Fixtures.VECTOR), expected), "vector of row " + i);
		}
	}

}
