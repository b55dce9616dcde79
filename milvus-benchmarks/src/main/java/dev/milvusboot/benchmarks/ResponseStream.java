package dev.milvusboot.benchmarks;

import java.io.ByteArrayInputStream;

/**
 * Serialized response bytes as gRPC hands them to a response marshaller: a stream that knows its length (both
 * gRPC's own and the official SDK's shaded copy look for that marker), so that each client's marshaller takes
 * the path it takes on a real call.
 */
public final class ResponseStream extends ByteArrayInputStream
		implements io.grpc.KnownLength, io.milvus.shaded.io.grpc.KnownLength {

	public ResponseStream(byte[] bytes) {
		super(bytes);
	}

}
