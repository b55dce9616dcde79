package dev.milvusboot.client.internal.command;

import java.time.Duration;
import java.util.Objects;

import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.api.async.MilvusAsyncCommands;
import dev.milvusboot.client.api.reactive.MilvusReactiveCommands;
import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.Names;

/**
 * The blocking commands of a view of a client ({@code withDatabase}, {@code withTimeout}, {@code withRetry}): the
 * client's connections with other settings. A view owns nothing, so it has nothing to close: the client it came
 * from is closed instead. Also makes the views of the client itself, so that the arguments are checked in one
 * place. Internal API.
 */
public final class SyncCommandsView extends AbstractSyncCommands implements MilvusCommands {

	private final Dispatch dispatch;

	public SyncCommandsView(Dispatch dispatch) {
		this.dispatch = dispatch;
	}

	@Override
	protected Dispatch dispatch() {
		return this.dispatch;
	}

	@Override
	public String database() {
		return this.dispatch.settings().database();
	}

	@Override
	public MilvusCommands withDatabase(String database) {
		Names.requireValid(database, "database name");
		return new SyncCommandsView(this.dispatch.with(this.dispatch.settings().withDatabase(database)));
	}

	@Override
	public MilvusCommands withTimeout(Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new MilvusInvalidArgumentException("timeout must be a positive duration, but was " + timeout);
		}
		return new SyncCommandsView(this.dispatch.with(this.dispatch.settings().withTimeout(timeout)));
	}

	@Override
	public MilvusCommands withRetry(RetryOptions retry) {
		return new SyncCommandsView(
				this.dispatch.with(this.dispatch.settings().withRetry(Objects.requireNonNull(retry, "retry"))));
	}

	@Override
	public MilvusAsyncCommands async() {
		return new AsyncCommandsView(this.dispatch);
	}

	@Override
	public MilvusReactiveCommands reactive() {
		return new ReactiveCommandsView(this.dispatch);
	}

	@Override
	public String serverVersion() {
		return this.dispatch.core().serverVersion(this.dispatch.settings());
	}

	@Override
	public String toString() {
		return "MilvusCommands[" + this.dispatch + "]";
	}

}
