package dev.milvusboot.repository;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milvusboot.client.MilvusCallListener;
import reactor.core.scheduler.NonBlocking;

/**
 * Records every call a client starts: its operation, the thread that started it, and whether it took the blocking
 * path (the listener runs inside the call, so the stack shows {@code RpcInvoker.call}/{@code ClientCore.call}
 * rather than their {@code callAsync}).
 */
final class CallRecorder implements MilvusCallListener {

	/** The prefix of the client's callback threads. */
	static final String CALLBACK_THREAD = "milvus-callback-";

	private final List<Started> calls = new CopyOnWriteArrayList<>();

	@Override
	public Call callStarted(MilvusCallContext context) {
		boolean blocking = false;
		for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
			if ((frame.getClassName().endsWith(".RpcInvoker") || frame.getClassName().endsWith(".ClientCore"))
					&& frame.getMethodName().equals("call")) {
				blocking = true;
			}
		}
		this.calls.add(new Started(context.operation(), Thread.currentThread().getName(), blocking));
		return new Call() {
		};
	}

	void clear() {
		this.calls.clear();
	}

	List<Started> calls() {
		return List.copyOf(this.calls);
	}

	int count() {
		return this.calls.size();
	}

	/** The client's callback threads: marked {@link NonBlocking}, so Reactor refuses to block on them. */
	static ThreadFactory callbackThreads() {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new NonBlockingThread(task, CALLBACK_THREAD + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * One call started.
	 * @param operation the operation
	 * @param thread the name of the thread that started it
	 * @param blocking whether it was started by a blocking client method
	 */
	record Started(String operation, String thread, boolean blocking) {

	}

	/** A thread on which Reactor's {@code block()} fails, as on an event loop. */
	private static final class NonBlockingThread extends Thread implements NonBlocking {

		NonBlockingThread(Runnable task, String name) {
			super(task, name);
		}

	}

}
