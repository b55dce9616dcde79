package dev.milvusboot.client.internal.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.milvusboot.client.HealthStatus;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.internal.proto.CheckHealthRequest;
import dev.milvusboot.client.internal.proto.CheckHealthResponse;
import dev.milvusboot.client.internal.proto.MilvusServiceGrpc;
import dev.milvusboot.client.internal.transport.Rpc;

/**
 * The commands of {@link dev.milvusboot.client.api.sync.MilvusServerCommands}: the server's health. Internal API.
 */
public final class ServerRequests {

	/** What a server that does not implement {@code CheckHealth} counts as. */
	private static final HealthStatus HEALTHY = new HealthStatus(true, List.of());

	private ServerRequests() {
	}

	/** Asks the server's health; a server without {@code CheckHealth} has answered, so it counts as healthy. */
	public static Command<HealthStatus> checkHealth() {
		Command<HealthStatus> asked = Command.unary(
				Rpc.of("checkHealth", null, MilvusServiceGrpc.getCheckHealthMethod(),
						CheckHealthRequest.getDefaultInstance(), CheckHealthResponse::getStatus),
				(response) -> new HealthStatus(response.getIsHealthy(), response.getReasonsList()));
		return new Command<>() {

			@Override
			public CompletableFuture<HealthStatus> executeAsync(Dispatch dispatch) {
				return asked.executeAsync(dispatch).exceptionallyCompose((failure) -> {
					RuntimeException cause = Futures.unwrap(failure);
					return (cause instanceof MilvusUnsupportedException) ? CompletableFuture.completedFuture(HEALTHY)
							: CompletableFuture.failedFuture(cause);
				});
			}

			@Override
			public HealthStatus execute(Dispatch dispatch) {
				try {
					return asked.execute(dispatch);
				}
				catch (MilvusUnsupportedException ex) {
					return HEALTHY;
				}
			}

		};
	}

}
