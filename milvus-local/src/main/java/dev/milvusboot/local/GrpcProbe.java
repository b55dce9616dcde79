package dev.milvusboot.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;

/**
 * Asks a Milvus server for its version over gRPC without generated classes: the request is an empty message and
 * the answer's field 2 is the version string, decoded by hand. Used to tell when a server is ready.
 */
final class GrpcProbe {

	private static final MethodDescriptor<byte[], byte[]> GET_VERSION = MethodDescriptor.<byte[], byte[]>newBuilder()
		.setType(MethodDescriptor.MethodType.UNARY)
		.setFullMethodName("milvus.proto.milvus.MilvusService/GetVersion")
		.setRequestMarshaller(new BytesMarshaller())
		.setResponseMarshaller(new BytesMarshaller())
		.build();

	private GrpcProbe() {
	}

	/**
	 * The server's version, or {@code null} if it does not answer within the timeout.
	 * @param host the host
	 * @param port the port
	 * @param timeoutMillis how long to wait
	 * @return the version or {@code null}
	 */
	static String version(String host, int port, long timeoutMillis) {
		ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().build();
		try {
			byte[] answer = ClientCalls.blockingUnaryCall(channel, GET_VERSION,
					CallOptions.DEFAULT.withDeadlineAfter(timeoutMillis, TimeUnit.MILLISECONDS), new byte[0]);
			return versionField(answer);
		}
		catch (StatusRuntimeException ex) {
			return null;
		}
		finally {
			channel.shutdownNow();
		}
	}

	/** Field 2 (a string) of a protobuf message; other fields are skipped. */
	static String versionField(byte[] message) {
		int pos = 0;
		while (pos < message.length) {
			long[] tag = varint(message, pos);
			pos = (int) tag[1];
			int field = (int) (tag[0] >>> 3);
			int wire = (int) (tag[0] & 7);
			switch (wire) {
				case 0 -> pos = (int) varint(message, pos)[1];
				case 1 -> pos += 8;
				case 5 -> pos += 4;
				case 2 -> {
					long[] length = varint(message, pos);
					pos = (int) length[1];
					if (field == 2) {
						return new String(message, pos, (int) length[0], StandardCharsets.UTF_8);
					}
					pos += (int) length[0];
				}
				default -> {
					return "";
				}
			}
		}
		return "";
	}

	private static long[] varint(byte[] bytes, int pos) {
		long value = 0;
		int shift = 0;
		while (pos < bytes.length) {
			byte b = bytes[pos++];
			value |= (long) (b & 0x7F) << shift;
			if ((b & 0x80) == 0) {
				break;
			}
			shift += 7;
		}
		return new long[] { value, pos };
	}

	private static final class BytesMarshaller implements MethodDescriptor.Marshaller<byte[]> {

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
				throw new IllegalStateException(ex);
			}
		}

	}

}
