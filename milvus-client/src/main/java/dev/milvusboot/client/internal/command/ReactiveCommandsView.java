package dev.milvusboot.client.internal.command;

import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;

/**
 * The reactive commands of a client or of one of its views. Internal API.
 */
public final class ReactiveCommandsView extends AbstractReactiveCommands implements MilvusReactiveCommands {

	private final Dispatch dispatch;

	public ReactiveCommandsView(Dispatch dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	@Override
	public String toString() {
		return "MilvusReactiveCommands[" + this.dispatch + "]";
	}

}
