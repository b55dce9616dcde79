package dev.milvusboot.client.internal.transport;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * One unary call that nobody waits for, with its deadline kept by the client's scheduler, which cancels the call when
 * it is due; like {@link BlockingUnaryCall}, it sends no {@code grpc-timeout} header (see there why). Internal API.
 *
 * @param <R> the response type
 */
final class AsyncUnaryCall<R> extends UnaryListener<R> implements Runnable {

	private final ClientCall<?, R> call;

	private final BiConsumer<R, StatusRuntimeException> outcome;

	private volatile boolean timedOut;

	private volatile ScheduledFuture<?> timer;

	private volatile boolean closed;

	private AsyncUnaryCall(ClientCall<?, R> call, BiConsumer<R, StatusRuntimeException> outcome) {
		this.call = call;
		this.outcome = outcome;
	}

	/**
	 * Sends a request; {@code outcome} gets the response or the failure once, on grpc-java's executor.
	 * @param <Q> the request type
	 * @param <R> the response type
	 * @param channel the channel
	 * @param method the method
	 * @param options the call options (without a deadline: {@code deadlineNanos} is the deadline)
	 * @param request the request
	 * @param deadlineNanos the {@link System#nanoTime()} at which the call is cancelled
	 * @param timers where the deadline is kept
	 * @param outcome told the response (and {@code null}) or the failure (and a {@code null} response):
	 * {@link Status.Code#DEADLINE_EXCEEDED} at the deadline
	 */
	static <Q, R> void start(Channel channel, MethodDescriptor<Q, R> method, CallOptions options, Q request,
			long deadlineNanos, ScheduledExecutorService timers, BiConsumer<R, StatusRuntimeException> outcome) {
		ClientCall<Q, R> call = channel.newCall(method, options);
		AsyncUnaryCall<R> listener = new AsyncUnaryCall<>(call, outcome);
		listener.send(call, request);
		try {
			ScheduledFuture<?> timer = timers.schedule(listener, deadlineNanos - System.nanoTime(),
					TimeUnit.NANOSECONDS);
			listener.timer = timer;
			if (listener.closed) {
				// Answered before the timer was set: either this or onClose sees the other's write.
				timer.cancel(false);
			}
		}
		catch (RejectedExecutionException ex) {
			// The client is closing: its calls end with it.
			call.cancel("the Milvus client is closed", ex);
		}
	}

	/** The deadline: cancels the call, whose close then reports it. */
	@Override
	public void run() {
		this.timedOut = true;
		this.call.cancel("deadline exceeded", null);
	}

	@Override
	public void onClose(Status status, Metadata trailers) {
		this.closed = true;
		ScheduledFuture<?> deadline = this.timer;
		if (deadline != null) {
			deadline.cancel(false);
		}
		if (status.isOk() && this.response != null) {
			this.outcome.accept(this.response, null);
		}
		else if (status.isOk()) {
			this.outcome.accept(null, noAnswer());
		}
		else if (this.timedOut) {
			this.outcome.accept(null, deadlineExceeded());
		}
		else {
			this.outcome.accept(null, status.asRuntimeException(trailers));
		}
	}

}
