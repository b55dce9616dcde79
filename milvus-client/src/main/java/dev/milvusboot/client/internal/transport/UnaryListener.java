package dev.milvusboot.client.internal.transport;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * What the two unary calls with a client-kept deadline share ({@link BlockingUnaryCall}, {@link AsyncUnaryCall}):
 * starting the call and keeping its one answer. Internal API.
 *
 * @param <R> the response type
 */
abstract class UnaryListener<R> extends ClientCall.Listener<R> {

	/** The one answer, once received; read after the call closed, on the thread its callbacks run on. */
	R response;

	/** Starts the call and sends the request, cancelling the call if that fails. */
	final <Q> void send(ClientCall<Q, R> call, Q request) {
		try {
			call.start(this, new Metadata());
			// Two, as grpc-java asks: a second message would be a protocol error the call must see.
			call.request(2);
			call.sendMessage(request);
			call.halfClose();
		}
		catch (RuntimeException | Error ex) {
			call.cancel("the call failed to start", ex);
			throw ex;
		}
	}

	@Override
	public final void onMessage(R message) {
		if (this.response != null) {
			throw Status.INTERNAL.withDescription("More than one value received for unary call").asRuntimeException();
		}
		this.response = message;
	}

	/** The failure of a call that closed without an error but also without an answer. */
	static StatusRuntimeException noAnswer() {
		return Status.INTERNAL.withDescription("No value received for unary call").asRuntimeException();
	}

	/** The failure of a call cancelled at its deadline. */
	static StatusRuntimeException deadlineExceeded() {
		return Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded: no answer in time, call cancelled")
			.asRuntimeException();
	}

}
