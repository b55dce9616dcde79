package dev.milvusboot.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * One unary gRPC call with raw message bytes, without generated stubs, for {@link MilvusProbe}: sends an empty
 * request with an optional {@code authorization} header and waits for the answer within a deadline.
 */
final class RawUnaryCall {

	private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
			Metadata.ASCII_STRING_MARSHALLER);

	private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
		@Override
		public InputStream stream(byte[] value) {
			return new ByteArrayInputStream(value);
		}

		@Override
		public byte[] parse(InputStream stream) {
			try {
				return stream.readAllBytes();
			}
			catch (IOException ex) {
				throw Status.INTERNAL.withDescription("cannot read response").withCause(ex).asRuntimeException();
			}
		}
	};

	private RawUnaryCall() {
	}

	/**
	 * A unary method that sends and receives raw message bytes.
	 * @param service the gRPC service
	 * @param name the method
	 * @return its descriptor
	 */
	static MethodDescriptor<byte[], byte[]> method(String service, String name) {
		return MethodDescriptor.<byte[], byte[]>newBuilder()
			.setType(MethodDescriptor.MethodType.UNARY)
			.setFullMethodName(MethodDescriptor.generateFullMethodName(service, name))
			.setRequestMarshaller(BYTES)
			.setResponseMarshaller(BYTES)
			.setIdempotent(true)
			.build();
	}

	/**
	 * Calls the method with an empty request.
	 * @param channel the channel
	 * @param method the method
	 * @param deadline the call's deadline
	 * @param authorization the {@code authorization} header, or {@code null}
	 * @param target the server, for messages
	 * @return the answer's bytes
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#NOT_RUNNING} if the call fails or gets
	 * no answer in time
	 */
	static byte[] call(Channel channel, MethodDescriptor<byte[], byte[]> method, Duration deadline,
			String authorization, String target) {
		ClientCall<byte[], byte[]> call = channel.newCall(method,
				CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
		CompletableFuture<byte[]> result = new CompletableFuture<>();
		Metadata headers = new Metadata();
		if (authorization != null) {
			headers.put(AUTHORIZATION, authorization);
		}
		call.start(new ClientCall.Listener<>() {
			private byte[] message;

			@Override
			public void onMessage(byte[] message) {
				this.message = message;
			}

			@Override
			public void onClose(Status status, Metadata trailers) {
				if (!status.isOk()) {
					result.completeExceptionally(status.asRuntimeException(trailers));
				}
				else if (this.message == null) {
					result.completeExceptionally(
							Status.INTERNAL.withDescription("no response message").asRuntimeException());
				}
				else {
					result.complete(this.message);
				}
			}
		}, headers);
		call.request(2);
		call.sendMessage(new byte[0]);
		call.halfClose();
		String what = method.getBareMethodName() + " on " + target;
		try {
			return result.get(deadline.toMillis() + 1000, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					what + " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			call.cancel("probe timed out", null);
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING, what + " got no answer", ex);
		}
		catch (InterruptedException ex) {
			call.cancel("interrupted", null);
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING, "Interrupted during " + what,
					ex);
		}
	}

}
