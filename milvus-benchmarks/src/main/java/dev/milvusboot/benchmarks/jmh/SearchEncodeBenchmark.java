package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.milvus.v2.common.IndexParam;
import io.milvus.v2.service.vector.request.SearchReq;
import io.milvus.v2.service.vector.request.data.BaseVector;
import io.milvus.v2.service.vector.request.data.FloatVec;
import io.milvus.v2.utils.VectorUtils;
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

import dev.milvusboot.benchmarks.CountingOutputStream;
import dev.milvusboot.benchmarks.Fixtures;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.MetricType;

/**
 * (b) Encoding a search request with 100 query vectors of 768 dims (top 100, two output fields, COSINE, one
 * index parameter), from the caller's {@code float[]} vectors down to the serialized bytes.
 * <p>
 * Ours: {@code Search} built and {@link SearchEncoder#encode}d with the cached schema, then {@code writeTo}.
 * Theirs: {@code FloatVec(float[])} per vector, {@code SearchReq}, {@code VectorUtils.ConvertToGrpcSearchRequest}
 * (what {@code VectorService.search} calls), then {@code writeTo}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchEncodeBenchmark {

	/** The query vectors in one request. */
	public static final int QUERIES = 100;

	/** Hits per query. */
	public static final int TOP_K = 100;

	private float[][] queries;

	private CollectionSchema ourSchema;

	private final VectorUtils vectorUtils = new VectorUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.queries = Fixtures.vectors(QUERIES, Fixtures.DIM, 99);
		this.ourSchema = Fixtures.ourSchema(true);
		checkSameVectors();
	}

	@Benchmark
	public long ours() throws IOException {
		CountingOutputStream out = new CountingOutputStream();
		ourRequest().writeTo(out);
		return out.result();
	}

	@Benchmark
	public long theirs() throws IOException {
		CountingOutputStream out = new CountingOutputStream();
		theirRequest().writeTo(out);
		return out.result();
	}

	private SearchRequest ourRequest() {
		Search search = Search.in(Fixtures.COLLECTION)
			.annsField(Fixtures.VECTOR)
			.vectors(this.queries)
			.topK(TOP_K)
			.outputFields(Fixtures.YEAR, Fixtures.TITLE)
			.metric(MetricType.COSINE)
			.param("nprobe", 16)
			.build();
		return SearchEncoder.encode(search, this.ourSchema, 0);
	}

	private io.milvus.grpc.SearchRequest theirRequest() {
		List<BaseVector> vectors = new ArrayList<>(this.queries.length);
		for (float[] query : this.queries) {
			vectors.add(new FloatVec(query));
		}
		SearchReq request = SearchReq.builder()
			.collectionName(Fixtures.COLLECTION)
			.annsField(Fixtures.VECTOR)
			.data(vectors)
			.limit(TOP_K)
			.outputFields(List.of(Fixtures.YEAR, Fixtures.TITLE))
			.metricType(IndexParam.MetricType.COSINE)
			.searchParams(Map.of("nprobe", 16))
			.build();
		return this.vectorUtils.ConvertToGrpcSearchRequest(request);
	}

	/** Both must send the same query vectors (placeholder group) and counts; fails the run otherwise. */
	private void checkSameVectors() {
		SearchRequest ours = ourRequest();
		io.milvus.grpc.SearchRequest theirs = theirRequest();
		Checks.require(ours.getNq() == theirs.getNq(), "nq");
		Checks.require(ours.getPlaceholderGroup().equals(theirs.getPlaceholderGroup()), "placeholder group");
		Checks.require(ours.getOutputFieldsList().equals(theirs.getOutputFieldsList()), "output fields");
	}

}
