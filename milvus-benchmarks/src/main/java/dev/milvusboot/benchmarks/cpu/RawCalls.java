package dev.milvusboot.benchmarks.cpu;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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
 * The floor of a search call on grpc-java, for comparison only: the request bytes are encoded in advance (the same
 * bytes our client sends for each query vector), sent with grpc-java's own blocking call on a plain channel (Netty,
 * one connection, no deadline, no interceptor: the SDK's defaults) and the answer is not decoded. No client on
 * grpc-java spends less CPU per call. Searches only.
 */
final class RawCalls implements Calls {

	private static final MethodDescriptor<byte[], byte[]> SEARCH = MilvusProbe.unary("Search");

	private final String uri;

	private final ManagedChannel channel;

	private final ConcurrentHashMap<String, ConcurrentHashMap<float[], byte[]>> requests = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, CollectionSchema> schemas = new ConcurrentHashMap<>();

	private final AtomicInteger checked = new AtomicInteger();

	RawCalls(String uri) {
		URI address = URI.create(uri);
		this.uri = uri;
		this.channel = Grpc.newChannelBuilderForAddress(address.getHost(), address.getPort(),
				InsecureChannelCredentials.create()).build();
	}

	@Override
	public Object rows(float[][] vectors, long firstId) {
		throw new UnsupportedOperationException("The raw gRPC floor only searches");
	}

	@Override
	public void insert(String collection, Object rows) {
		throw new UnsupportedOperationException("The raw gRPC floor only searches");
	}

	@Override
	public void search(String collection, float[] query) {
		byte[] request = this.requests.computeIfAbsent(collection, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(query, (vector) -> encode(collection, vector));
		byte[] answer = ClientCalls.blockingUnaryCall(this.channel, SEARCH, CallOptions.DEFAULT, request);
		if (this.checked.get() < 3 && this.checked.incrementAndGet() <= 3) {
			check(answer);
		}
	}

	/** The request our client sends for this vector (encoded once, the first time the vector is searched). */
	private byte[] encode(String collection, float[] vector) {
		CollectionSchema schema = this.schemas.computeIfAbsent(collection, (name) -> {
			try (MilvusClient client = MilvusClient.create(this.uri)) {
				return client.describeCollection(name).schema();
			}
		});
		Search search = Search.in(collection)
			.vector(vector)
			.topK(TOP_K)
			.param("ef", EF)
			.consistency(ConsistencyLevel.BOUNDED)
			.build();
		return SearchEncoder.encode(search, schema, 0).toByteArray();
	}

	private static void check(byte[] answer) {
		try {
			SearchResults results = SearchResults.parseFrom(answer);
			if (results.getStatus().getCode() != 0 || results.getResults().getTopK() != TOP_K) {
				throw new IllegalStateException("The server did not answer the raw search: " + results.getStatus());
			}
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.channel.shutdownNow();
	}

}
