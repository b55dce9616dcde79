package dev.milvusboot.client.internal.transport;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * One unary call whose caller waits for it on its own thread, which also runs the call's callbacks (as grpc-java's
 * blocking stubs do), with the deadline kept by the waiting thread itself: it parks until the answer or the deadline,
 * and cancels the call at the deadline. So no timer is scheduled and cancelled per call, and no {@code grpc-timeout}
 * header is sent: a header whose value changes with every call would churn the connection's HPACK table and make
 * every other header a literal again. The server learns of an abandoned call from the cancellation (RST_STREAM).
 * Internal API.
 *
 * @param <R> the response type
 */
final class BlockingUnaryCall<R> extends UnaryListener<R> implements Executor {

	private static final Object SHUTDOWN = new Object();

	private final ConcurrentLinkedQueue<Runnable> callbacks = new ConcurrentLinkedQueue<>();

	private volatile Object waiter;

	// Written and read by the waiting thread only: the callbacks run there.
	private Status status;

	private Metadata trailers;

	private BlockingUnaryCall() {
		this.waiter = Thread.currentThread();
	}

	/**
	 * Sends a request and waits for the answer, on the calling thread.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param channel the channel
	 * @param method the method
	 * @param options the call options (without a deadline: {@code deadlineNanos} is the deadline)
	 * @param request the request
	 * @param deadlineNanos the {@link System#nanoTime()} at which the call is cancelled
	 * @return the response
	 * @throws StatusRuntimeException if the call failed, {@link Status.Code#DEADLINE_EXCEEDED} at the deadline and
	 * {@link Status.Code#CANCELLED} if the thread was interrupted (its interrupt flag set again)
	 */
	static <Q, R> R call(Channel channel, MethodDescriptor<Q, R> method, CallOptions options, Q request,
			long deadlineNanos) {
		BlockingUnaryCall<R> waiting = new BlockingUnaryCall<>();
		ClientCall<Q, R> call = channel.newCall(method, options.withExecutor(waiting));
		waiting.send(call, request);
		return waiting.await(call, deadlineNanos);
	}

	private R await(ClientCall<?, R> call, long deadlineNanos) {
		boolean timedOut = false;
		boolean interrupted = false;
		try {
			while (this.status == null) {
				Runnable callback = this.callbacks.poll();
				if (callback != null) {
					callback.run();
					continue;
				}
				if (timedOut || interrupted) {
					// Cancelled: the call's close is on its way.
					LockSupport.park(this);
				}
				else {
					long remaining = deadlineNanos - System.nanoTime();
					if (remaining <= 0) {
						timedOut = true;
						call.cancel("deadline exceeded", null);
						continue;
					}
					LockSupport.parkNanos(this, remaining);
				}
				if (Thread.interrupted() && !interrupted) {
					interrupted = true;
					call.cancel("Thread interrupted", null);
				}
			}
		}
		finally {
			this.waiter = SHUTDOWN;
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.status.isOk()) {
			if (this.response == null) {
				throw noAnswer();
			}
			return this.response;
		}
		if (timedOut) {
			throw deadlineExceeded();
		}
		if (interrupted) {
			throw Status.CANCELLED.withDescription("Thread interrupted").withCause(new InterruptedException())
				.asRuntimeException();
		}
		throw this.status.asRuntimeException(this.trailers);
	}

	@Override
	public void execute(Runnable callback) {
		this.callbacks.add(callback);
		Object thread = this.waiter;
		if (thread != SHUTDOWN) {
			LockSupport.unpark((Thread) thread);
		}
		else {
			// The caller has its answer; nothing listens any more.
			this.callbacks.remove(callback);
		}
	}

	@Override
	public void onClose(Status status, Metadata trailers) {
		this.status = status;
		this.trailers = trailers;
	}

}
