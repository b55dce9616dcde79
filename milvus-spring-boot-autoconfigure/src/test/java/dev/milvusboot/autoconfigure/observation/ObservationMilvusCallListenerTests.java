package dev.milvusboot.autoconfigure.observation;

import dev.milvusboot.client.MilvusCallListener;
import dev.milvusboot.client.MilvusCallListener.MilvusCallContext;
import dev.milvusboot.client.MilvusEndpoint;
import dev.milvusboot.client.exception.MilvusException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnavailableException;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import io.micrometer.observation.transport.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObservationMilvusCallListener} and {@link DefaultMilvusObservationConvention}.
 */
class ObservationMilvusCallListenerTests {

	private static final MilvusEndpoint ENDPOINT = new MilvusEndpoint("milvus.example.com", 19530, false, null);

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void whenCallSucceedsThenObservationHasOperationAndSuccessOutcome() {
		MilvusCallListener listener = new ObservationMilvusCallListener(this.registry);
		listener.callStarted(new MilvusCallContext("search", "docs", "shop", ENDPOINT)).succeeded(3);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("milvus.client.operations")
			.hasContextualNameEqualTo("search docs")
			.hasLowCardinalityKeyValue("operation", "search")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("error.code", "none")
			.hasLowCardinalityKeyValue("exception", "none")
			.doesNotHaveLowCardinalityKeyValueWithKey("collection")
			.hasHighCardinalityKeyValue("db.collection.name", "docs")
			.hasHighCardinalityKeyValue("db.namespace", "shop")
			.hasHighCardinalityKeyValue("server.address", "milvus.example.com")
			.hasHighCardinalityKeyValue("server.port", "19530")
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError();
		TestObservationRegistryAssert.assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			MilvusObservationContext context = (MilvusObservationContext) contexts.get(0);
			assertThat(context.getCount()).isEqualTo(3);
			assertThat(context.getKind()).isEqualTo(Kind.CLIENT);
			assertThat(context.getRemoteServiceName()).isEqualTo("milvus");
			assertThat(context.getRemoteServiceAddress()).isEqualTo("http://milvus.example.com:19530");
		});
	}

	@Test
	void whenCallFailsInServerThenObservationHasErrorOutcomeAndMilvusCode() {
		MilvusCallListener listener = new ObservationMilvusCallListener(this.registry);
		MilvusException error = new MilvusInvalidArgumentException("invalid filter on collection 'docs'",
				new MilvusException.ErrorDetails(1100, "invalid parameter", "OK", false), null);
		listener.callStarted(new MilvusCallContext("describeCollection", "docs", null, ENDPOINT)).failed(error);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "error")
			.hasLowCardinalityKeyValue("error.code", "1100")
			.hasLowCardinalityKeyValue("exception", "MilvusInvalidArgumentException")
			.hasHighCardinalityKeyValue("db.namespace", "default")
			.hasBeenStopped()
			.hasError(error);
	}

	@Test
	void whenCallFailsInTransportThenErrorCodeIsTheGrpcCode() {
		MilvusCallListener listener = new ObservationMilvusCallListener(this.registry);
		listener.callStarted(new MilvusCallContext("checkHealth", null, null, ENDPOINT))
			.failed(new MilvusUnavailableException("checkHealth failed",
					new MilvusException.ErrorDetails(0, "connection refused", "UNAVAILABLE", true), null));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasContextualNameEqualTo("checkHealth")
			.hasLowCardinalityKeyValue("error.code", "UNAVAILABLE")
			.doesNotHaveHighCardinalityKeyValueWithKey("db.collection.name");
	}

	@Test
	void whenCollectionTagIsEnabledThenCollectionIsLowCardinality() {
		MilvusCallListener listener = new ObservationMilvusCallListener(this.registry, null,
				new DefaultMilvusObservationConvention(true));
		listener.callStarted(new MilvusCallContext("insert", "docs", null, ENDPOINT)).succeeded(10);
		listener.callStarted(new MilvusCallContext("listCollections", null, null, ENDPOINT)).succeeded(0);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservationWithAKeyValue("collection", "docs")
			.hasAnObservationWithAKeyValue("collection", "none")
			.forAllObservationsWithNameEqualTo("milvus.client.operations",
					(observation) -> observation.doesNotHaveHighCardinalityKeyValueWithKey("db.collection.name"));
	}

	@Test
	void whenCustomConventionIsGivenThenItWins() {
		MilvusObservationConvention custom = new MilvusObservationConvention() {

			@Override
			public String getName() {
				return "custom.milvus";
			}

			@Override
			public KeyValues getLowCardinalityKeyValues(MilvusObservationContext context) {
				return KeyValues.of("op", context.getOperation());
			}

		};
		new ObservationMilvusCallListener(this.registry, custom, new DefaultMilvusObservationConvention())
			.callStarted(new MilvusCallContext("query", "docs", null, ENDPOINT))
			.succeeded(0);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("custom.milvus")
			.hasLowCardinalityKeyValue("op", "query");
	}

	@Test
	void whenRegistryIsNoopThenNothingIsObserved() {
		MilvusCallListener.Call call = new ObservationMilvusCallListener(ObservationRegistry.NOOP)
			.callStarted(new MilvusCallContext("search", "docs", null, ENDPOINT));
		call.succeeded(1);
		call.failed(new MilvusException("x"));
	}

	@Test
	void whenMetricsAreOnThenTimerIsTaggedWithLowCardinalityKeysOnly() {
		MeterRegistry meterRegistry = new SimpleMeterRegistry();
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
		MilvusCallListener listener = new ObservationMilvusCallListener(observationRegistry);
		for (int i = 0; i < 3; i++) {
			listener.callStarted(new MilvusCallContext("search", "docs", null, ENDPOINT)).succeeded(1);
		}
		listener.callStarted(new MilvusCallContext("search", "docs", null, ENDPOINT))
			.failed(new MilvusUnavailableException("down",
					new MilvusException.ErrorDetails(0, "down", "UNAVAILABLE", true), null));
		Timer success = meterRegistry.get("milvus.client.operations")
			.tags("operation", "search", "outcome", "success", "error.code", "none", "exception", "none", "error",
					"none")
			.timer();
		assertThat(success.count()).isEqualTo(3);
		Timer failure = meterRegistry.get("milvus.client.operations")
			.tags("operation", "search", "outcome", "error", "error.code", "UNAVAILABLE", "exception",
					"MilvusUnavailableException")
			.timer();
		assertThat(failure.count()).isEqualTo(1);
		assertThat(meterRegistry.get("milvus.client.operations").timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("db.collection.name")).isNull());
	}

}
