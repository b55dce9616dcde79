package dev.milvusboot.benchmarks.e2e;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.internal.codec.SearchEncoder;
import dev.milvusboot.client.internal.proto.SearchResults;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.local.MilvusProbe;

/**
 * The floor of a Java search call, for comparison only: each query's request is encoded once, up front (the same bytes
 * our client sends), and sent as bytes on a plain grpc-java channel (Netty, one connection); the answer is not
 * decoded. No client can spend less per call with grpc-java. Searches only.
 */
final class RawGrpcContender implements Contender {

	private static final MethodDescriptor<byte[], byte[]> SEARCH = MilvusProbe.unary("Search");

	private final String uri;

	private final ManagedChannel channel;

	private final float[][] queries;

	private final ConcurrentHashMap<String, byte[][]> requests = new ConcurrentHashMap<>();

	RawGrpcContender(String uri, float[][] insertVectors, float[][] queries) {
		URI address = URI.create(uri);
		this.uri = uri;
		this.channel = Grpc.newChannelBuilderForAddress(address.getHost(), address.getPort(),
				InsecureChannelCredentials.create()).build();
		this.queries = queries;
	}

	@Override
	public String name() {
		return "raw gRPC";
	}

	@Override
	public long pid() {
		return ProcessHandle.current().pid();
	}

	@Override
	public Window search(String collection, int threads, double seconds, int offset, int batch) throws Exception {
		if (batch != 1) {
			throw new UnsupportedOperationException("The raw gRPC floor sends single-vector searches only");
		}
		byte[][] encoded = this.requests.computeIfAbsent(collection, this::encode);
		int count = encoded.length;
		return JavaContender.window(threads, seconds, (t, i) -> ClientCalls.blockingUnaryCall(this.channel, SEARCH,
				CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), encoded[(offset + t * 131 + i) % count]));
	}

	/** The requests our client would send for each query vector, checked once against the server. */
	private byte[][] encode(String collection) {
		CollectionSchema schema;
		try (MilvusClient client = MilvusClient.create(this.uri)) {
			schema = client.describeCollection(collection).schema();
		}
		byte[][] encoded = new byte[this.queries.length][];
		for (int i = 0; i < this.queries.length; i++) {
			Search search = Search.in(collection)
				.vector(this.queries[i])
				.topK(TOP_K)
				.param("ef", EF)
				.consistency(ConsistencyLevel.BOUNDED)
				.build();
			encoded[i] = SearchEncoder.encode(search, schema, 0).toByteArray();
		}
		try {
			SearchResults answer = SearchResults.parseFrom(ClientCalls.blockingUnaryCall(this.channel, SEARCH,
					CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), encoded[0]));
			if (answer.getStatus().getCode() != 0 || answer.getResults().getTopK() != TOP_K) {
				throw new IllegalStateException("The server did not answer the raw search: " + answer.getStatus());
			}
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
		return encoded;
	}

	@Override
	public Timing insert(String collection, int first, int count) {
		throw new UnsupportedOperationException("The raw gRPC floor only searches");
	}

	@Override
	public Window get(String collection, int threads, double seconds, int offset, int rows) {
		throw new UnsupportedOperationException("The raw gRPC floor only searches");
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
