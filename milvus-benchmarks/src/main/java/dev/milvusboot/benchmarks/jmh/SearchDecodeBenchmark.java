package dev.milvusboot.benchmarks.jmh;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.grpc.MethodDescriptor;
import io.milvus.v2.service.vector.response.SearchResp;
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
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.codec.SearchResponse;

/**
 * (c) Decoding a search result (1 query × top 10, the common single search, and 100 queries × top 100) with an
 * int64 and a varchar output field, from the
 * serialized response bytes (parsed by each client's gRPC response marshaller, as on a real call) to every hit's
 * id, score and both fields, each read once.
 * <p>
 * Ours: the client's response marshaller ({@link SearchResponse}: the wire read into exact-size arrays), then
 * {@code id()}, {@code score()}, {@code get(field)} per hit. Theirs: parse, {@code ConvertUtils.getEntities} into
 * {@code SearchResp} (what {@code VectorService.search} does), then {@code getId()}, {@code getScore()},
 * {@code getEntity().get(field)} per hit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class SearchDecodeBenchmark {

	/** Queries × top K. */
	@Param({ "1x10", "100x100" })
	public String shape;

	private int queries;

	private int topK;

	private static final List<String> OUTPUT_FIELDS = List.of(Fixtures.YEAR, Fixtures.TITLE);

	private static final io.milvus.shaded.io.grpc.MethodDescriptor.Marshaller<io.milvus.grpc.SearchResults> THEIR_MARSHALLER = io.milvus.grpc.MilvusServiceGrpc
		.getSearchMethod()
		.getResponseMarshaller();

	private byte[] response;

	private final ConvertUtils convertUtils = new ConvertUtils();

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		String[] parts = this.shape.split("x");
		this.queries = Integer.parseInt(parts[0]);
		this.topK = Integer.parseInt(parts[1]);
		this.response = Fixtures.searchResponse(this.queries, this.topK);
		checkSameHits();
	}

	@Benchmark
	public void ours(Blackhole blackhole) throws IOException {
		for (List<Hit> hits : ourResults()) {
			for (Hit hit : hits) {
				blackhole.consume(hit.id());
				blackhole.consume(hit.score());
				blackhole.consume(hit.get(Fixtures.YEAR));
				blackhole.consume(hit.get(Fixtures.TITLE));
			}
		}
	}

	@Benchmark
	public void theirs(Blackhole blackhole) throws IOException {
		for (List<SearchResp.SearchResult> hits : theirResults().getSearchResults()) {
			for (SearchResp.SearchResult hit : hits) {
				blackhole.consume(hit.getId());
				blackhole.consume(hit.getScore());
				Map<String, Object> entity = hit.getEntity();
				blackhole.consume(entity.get(Fixtures.YEAR));
				blackhole.consume(entity.get(Fixtures.TITLE));
			}
		}
	}

	private SearchResults ourResults() {
		return SearchResponse.marshaller().parse(new ResponseStream(this.response)).hits(OUTPUT_FIELDS);
	}

	private SearchResp theirResults() {
		io.milvus.grpc.SearchResults results = THEIR_MARSHALLER.parse(new ResponseStream(this.response));
		return SearchResp.builder()
			.searchResults(this.convertUtils.getEntities(results))
			.sessionTs(results.getSessionTs())
			.recalls(results.getResults().getRecallsList())
			.build();
	}

	/** Both must see the same hits; fails the run otherwise. */
	private void checkSameHits() throws IOException {
		SearchResults ours = ourResults();
		List<List<SearchResp.SearchResult>> theirs = theirResults().getSearchResults();
		Checks.require(ours.size() == theirs.size() && ours.size() == this.queries, "number of queries");
		for (int q = 0; q < this.queries; q++) {
			List<Hit> ourHits = ours.hits(q);
			List<SearchResp.SearchResult> theirHits = theirs.get(q);
			Checks.require(ourHits.size() == theirHits.size() && ourHits.size() == this.topK, "hits of query " + q);
			for (int k = 0; k < this.topK; k++) {
				Hit our = ourHits.get(k);
				SearchResp.SearchResult their = theirHits.get(k);
				Checks.require(our.id().equals(their.getId()), "id of hit " + k);
				Checks.require(our.score() == their.getScore(), "score of hit " + k);
				for (String field : OUTPUT_FIELDS) {
					Checks.require(Objects.equals(our.get(field), their.getEntity().get(field)), field + " of hit " + k);
				}
			}
		}
	}

}
