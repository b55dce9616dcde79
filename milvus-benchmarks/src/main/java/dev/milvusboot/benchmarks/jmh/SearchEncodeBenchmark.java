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
import org.openjdk.jmh.annotations.Param;
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
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.MetricType;

/**
 * (b) Encoding a search request of 768-dim query vectors (two output fields, COSINE, one index parameter), from
 * the caller's {@code float[]} vectors down to the serialized bytes: one vector, top 10 (the common single search),
 * and 100 vectors, top 100; bounded consistency asked for explicitly on both sides (as the end-to-end runs do).
 * <p>
 * Ours: {@code Search} built and {@link SearchEncoder#encode}d with the cached schema, then {@code writeTo}.
 * Theirs: {@code FloatVec(float[])} per vector (the SDK's fastest documented vector form), {@code SearchReq},
 * {@code VectorUtils.ConvertToGrpcSearchRequest} (what {@code VectorService.search} calls), then {@code writeTo}.
 * Once per trial both requests are compared field by field (see {@link #checkSameRequest()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class SearchEncodeBenchmark {

	/** Query vectors × top K. */
	@Param({ "1x10", "100x100" })
	public String shape;

	private int topK;

	private float[][] queries;

	private CollectionSchema ourSchema;

	private final VectorUtils vectorUtils = new VectorUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		String[] parts = this.shape.split("x");
		this.queries = Fixtures.vectors(Integer.parseInt(parts[0]), Fixtures.DIM, 99);
		this.topK = Integer.parseInt(parts[1]);
		this.ourSchema = Fixtures.ourSchema(true);
		checkSameRequest();
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
			.topK(this.topK)
			.outputFields(Fixtures.YEAR, Fixtures.TITLE)
			.metric(MetricType.COSINE)
			.param("nprobe", 16)
			.consistency(ConsistencyLevel.BOUNDED)
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
			.limit(this.topK)
			.outputFields(List.of(Fixtures.YEAR, Fixtures.TITLE))
			.metricType(IndexParam.MetricType.COSINE)
			.searchParams(Map.of("nprobe", 16))
			.consistencyLevel(io.milvus.v2.common.ConsistencyLevel.BOUNDED)
			.build();
		return this.vectorUtils.ConvertToGrpcSearchRequest(request);
	}

	/**
	 * Both must send the same request; fails the run otherwise. Compared field by field, every field of the request
	 * (ours parsed with the SDK's generated class), after putting the search parameters (a list of key-value pairs
	 * the server reads into a map) in key order on both sides.
	 */
	private void checkSameRequest() throws IOException {
		io.milvus.grpc.SearchRequest ours = io.milvus.grpc.SearchRequest.parseFrom(ourRequest().toByteArray());
		Checks.requireSame("search request", normalized(ours), normalized(theirRequest()));
	}

	private static io.milvus.grpc.SearchRequest normalized(io.milvus.grpc.SearchRequest request) {
		List<io.milvus.grpc.KeyValuePair> params = new ArrayList<>(request.getSearchParamsList());
		params.sort(java.util.Comparator.comparing(io.milvus.grpc.KeyValuePair::getKey));
		return request.toBuilder().clearSearchParams().addAllSearchParams(params).build();
	}

}
