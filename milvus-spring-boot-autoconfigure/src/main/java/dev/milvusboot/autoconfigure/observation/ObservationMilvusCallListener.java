package dev.milvusboot.autoconfigure.observation;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.exception.MilvusException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * {@link MilvusCallListener} that makes a Micrometer {@link Observation} of every Milvus client operation: started
 * when the call starts, stopped when it succeeds or fails (retries included). With metrics this gives a timer, with
 * tracing a client span, a child of the observation current on the calling thread.
 * <p>
 * It works on the client's own calls, not on gRPC channels: it needs no gRPC interceptor and leaves Spring Boot's
 * gRPC client observations ({@code spring-boot-starter-grpc-client}) alone, which in turn never see Milvus calls,
 * since the Milvus client builds its channels itself, not through Spring's channel factory.
 *
 * @since 0.1.0
 */
public class ObservationMilvusCallListener implements MilvusCallListener {

	private static final Log logger = LogFactory.getLog(ObservationMilvusCallListener.class);

	private static final Call NOOP = new Call() {
	};

	private final ObservationRegistry registry;

	private final @Nullable MilvusObservationConvention customConvention;

	private final MilvusObservationConvention defaultConvention;

	/**
	 * Creates a listener using the {@link DefaultMilvusObservationConvention} unless the registry has a global
	 * convention for Milvus operations.
	 * @param registry the observation registry
	 */
	public ObservationMilvusCallListener(ObservationRegistry registry) {
		this(registry, null, new DefaultMilvusObservationConvention());
	}

	/**
	 * Creates a listener.
	 * @param registry the observation registry
	 * @param customConvention the convention to use, or {@code null} for a global one, else the default
	 * @param defaultConvention the convention to use when there is no other
	 */
	public ObservationMilvusCallListener(ObservationRegistry registry,
			@Nullable MilvusObservationConvention customConvention, MilvusObservationConvention defaultConvention) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(defaultConvention, "'defaultConvention' must not be null");
		this.registry = registry;
		this.customConvention = customConvention;
		this.defaultConvention = defaultConvention;
	}

	@Override
	public Call callStarted(MilvusCallContext call) {
		if (this.registry.isNoop()) {
			return NOOP;
		}
		try {
			MilvusObservationContext context = new MilvusObservationContext(call);
			Observation observation = MilvusObservationDocumentation.CLIENT_OPERATION
				.observation(this.customConvention, this.defaultConvention, () -> context, this.registry)
				.start();
			return new ObservedCall(observation, context);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not start an observation of a Milvus call", ex);
			return NOOP;
		}
	}

	private static final class ObservedCall implements Call {

		private final Observation observation;

		private final MilvusObservationContext context;

		ObservedCall(Observation observation, MilvusObservationContext context) {
			this.observation = observation;
			this.context = context;
		}

		@Override
		public void succeeded(long count) {
			try {
				this.context.setCount(count);
				this.observation.stop();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not stop the observation of a Milvus call", ex);
			}
		}

		@Override
		public void failed(MilvusException error) {
			try {
				this.observation.error(error);
				this.observation.stop();
			}
			catch (RuntimeException ex) {
				logger.debug("Could not stop the observation of a Milvus call", ex);
			}
		}

	}

}
