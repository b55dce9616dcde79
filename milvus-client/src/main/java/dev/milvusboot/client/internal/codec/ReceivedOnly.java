package dev.milvusboot.client.internal.codec;

import java.io.IOException;
import java.io.InputStream;

import io.grpc.MethodDescriptor.Marshaller;
import io.grpc.Status;

/**
 * The gRPC marshaller of a response the client reads with its own decoder ({@link QueryResponse},
 * {@link SearchResponse}) and never sends. Internal API.
 *
 * @param <T> the response type
 */
final class ReceivedOnly<T> implements Marshaller<T> {

	/** Reads a response from the wire. */
	@FunctionalInterface
	interface Reader<T> {

		T read(InputStream stream) throws IOException;

	}

	private final String what;

	private final Reader<T> reader;

	/**
	 * Creates the marshaller.
	 * @param what what is received, for the message if one is sent (for example {@code "Query results"})
	 * @param reader the decoder
	 */
	ReceivedOnly(String what, Reader<T> reader) {
		this.what = what;
		this.reader = reader;
	}

	@Override
	public InputStream stream(T value) {
		throw new UnsupportedOperationException(this.what + " are only received");
	}

	@Override
	public T parse(InputStream stream) {
		try {
			return this.reader.read(stream);
		}
		catch (IOException ex) {
			throw Status.INTERNAL.withDescription("Invalid protobuf byte sequence").withCause(ex).asRuntimeException();
		}
	}

}
