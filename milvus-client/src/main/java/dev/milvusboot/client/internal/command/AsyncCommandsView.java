package dev.milvusboot.client.internal.command;

import dev.milvusboot.client.api.async.MilvusAsyncCommands;

/**
 * The asynchronous commands of a client or of one of its views. Internal API.
 */
public final class AsyncCommandsView extends AbstractAsyncCommands implements MilvusAsyncCommands {

	private final Dispatch dispatch;

	public AsyncCommandsView(Dispatch dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	@Override
	public String toString() {
		return "MilvusAsyncCommands[" + this.dispatch + "]";
	}

}
