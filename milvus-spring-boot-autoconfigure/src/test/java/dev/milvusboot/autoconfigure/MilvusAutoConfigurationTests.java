package dev.milvusboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.RetryOptions;
import dev.milvusboot.client.SearchCoalescing;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusAutoConfiguration}. No server is needed: the client connects on its first call.
 */
@ExtendWith(OutputCaptureExtension.class)
class MilvusAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, SslAutoConfiguration.class));

	// ---------------------------------------------------------------- conditions and back-off

	@Test
	void whenClientClassIsAbsentThenNothingIsConfigured() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MilvusProperties.class)
				.doesNotHaveBean(MilvusConnectionDetails.class)
				.doesNotHaveBean(MilvusClientOptions.class)
				.doesNotHaveBean(MilvusClientOptionsBuilderCustomizer.class)
				.doesNotHaveBean("milvusClient"));
	}

	@Test
	void whenNothingIsSetThenClientForLocalhostIsConfigured() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MilvusClient.class)
				.hasSingleBean(PropertiesMilvusConnectionDetails.class)
				.hasSingleBean(MilvusClientOptions.class)
				.hasSingleBean(StandardMilvusClientOptionsBuilderCustomizer.class);
			MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
			assertThat(options.endpoint().address()).isEqualTo("localhost:19530");
			assertThat(options.tls()).isNull();
			assertThat(options.hasCredentials()).isFalse();
			assertThat(options.database()).isNull();
			assertThat(context.getBean(MilvusClient.class).options()).isSameAs(options);
		});
	}

	@Test
	void whenNothingIsSetThenPropertyDefaultsMatchTheClientDefaults() {
		this.contextRunner.run((context) -> {
			MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
			assertThat(options.connectTimeout()).isEqualTo(MilvusClientOptions.DEFAULT_CONNECT_TIMEOUT);
			assertThat(options.requestTimeout()).isEqualTo(MilvusClientOptions.DEFAULT_REQUEST_TIMEOUT);
			assertThat(options.keepAliveTime()).isEqualTo(MilvusClientOptions.DEFAULT_KEEP_ALIVE_TIME);
			assertThat(options.keepAliveTimeout()).isEqualTo(MilvusClientOptions.DEFAULT_KEEP_ALIVE_TIMEOUT);
			assertThat(options.keepAliveWithoutCalls()).isFalse();
			assertThat(options.poolSize()).isEqualTo(MilvusClientOptions.DEFAULT_POOL_SIZE);
			assertThat(options.maxInboundMessageSize())
				.isEqualTo(MilvusClientOptions.DEFAULT_MAX_INBOUND_MESSAGE_SIZE);
			assertThat(options.maxRequestSize()).isEqualTo(MilvusClientOptions.DEFAULT_MAX_REQUEST_SIZE);
			assertThat(options.retry()).isEqualTo(RetryOptions.DEFAULTS);
			assertThat(options.searchCoalescing()).isEqualTo(SearchCoalescing.DEFAULTS);
			assertThat(context.getBean(MilvusProperties.class).getPort()).isEqualTo(19530);
		});
	}

	@Test
	void whenUserDefinesClientThenAutoConfiguredClientBacksOff() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MilvusClient.class);
			assertThat(context.getBean(MilvusClient.class)).isSameAs(context.getBean("userClient"));
		});
	}

	@Test
	void whenUserDefinesOptionsThenTheyAreUsedAsTheyAre() {
		this.contextRunner.withUserConfiguration(UserOptionsConfiguration.class, CustomizerConfiguration.class)
			.withPropertyValues("milvus.port=1234")
			.run((context) -> {
				assertThat(context).hasSingleBean(MilvusClientOptions.class)
					.doesNotHaveBean(StandardMilvusClientOptionsBuilderCustomizer.class);
				MilvusClientOptions options = context.getBean(MilvusClient.class).options();
				assertThat(options).isSameAs(context.getBean("userOptions"));
				assertThat(options.endpoint().address()).isEqualTo("user-host:4321");
				assertThat(options.database()).isNull();
			});
	}

	@Test
	void whenUserDefinesConnectionDetailsThenTheyWinOverProperties() {
		this.contextRunner
			.withPropertyValues("milvus.uri=http://from-properties:1111", "milvus.database=fromProperties",
					"milvus.request-timeout=7s")
			.withBean(MilvusConnectionDetails.class, TestConnectionDetails::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(MilvusConnectionDetails.class)
					.doesNotHaveBean(PropertiesMilvusConnectionDetails.class);
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.endpoint().address()).isEqualTo("details-host:2222");
				assertThat(options.database()).isEqualTo("fromDetails");
				assertThat(options.token()).isEqualTo("details-token");
				// settings other than the connection still come from the properties
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(7));
			});
	}

	@Test
	void whenCustomizersAreDefinedThenTheyAreAppliedInOrderAfterTheProperties() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("milvus.pool-size=3", "milvus.request-timeout=5s")
			.run((context) -> {
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.poolSize()).isEqualTo(5);
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(CustomizerConfiguration.class).calls).containsExactly("first", "second");
			});
	}

	@Test
	void whenContextIsClosedThenClientIsClosed() {
		List<MilvusClient> clients = new ArrayList<>();
		this.contextRunner.run((context) -> {
			clients.add(context.getBean(MilvusClient.class));
			assertThat(clients.get(0).isClosed()).isFalse();
		});
		assertThat(clients.get(0).isClosed()).isTrue();
	}

	// ---------------------------------------------------------------- binding

	@Test
	void whenEveryPropertyIsSetThenEveryOneIsApplied() {
		this.contextRunner
			.withPropertyValues("milvus.uri=http://milvus.example.com:29530", "milvus.host=ignored",
					"milvus.port=1", "milvus.username=alice", "milvus.password=s3cret", "milvus.database=docs",
					"milvus.connect-timeout=3s", "milvus.request-timeout=1m", "milvus.keep-alive.time=10m",
					"milvus.keep-alive.timeout=15s", "milvus.keep-alive.without-calls=true", "milvus.pool-size=7",
					"milvus.max-inbound-message-size=32MB", "milvus.max-request-size=16MB",
					"milvus.retry.max-attempts=9", "milvus.retry.initial-backoff=250ms",
					"milvus.retry.max-backoff=5s", "milvus.retry.multiplier=1.5", "milvus.retry.max-elapsed=2m")
			.run((context) -> {
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.endpoint().address()).isEqualTo("milvus.example.com:29530");
				assertThat(options.endpoint().secure()).isFalse();
				assertThat(options.username()).isEqualTo("alice");
				assertThat(options.password()).isEqualTo("s3cret");
				assertThat(options.token()).isNull();
				assertThat(options.database()).isEqualTo("docs");
				assertThat(options.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(options.keepAliveTime()).isEqualTo(Duration.ofMinutes(10));
				assertThat(options.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(15));
				assertThat(options.keepAliveWithoutCalls()).isTrue();
				assertThat(options.poolSize()).isEqualTo(7);
				assertThat(options.maxInboundMessageSize()).isEqualTo(32 * 1024 * 1024);
				assertThat(options.maxRequestSize()).isEqualTo(16 * 1024 * 1024);
				assertThat(options.retry()).isEqualTo(new RetryOptions(9, Duration.ofMillis(250),
						Duration.ofSeconds(5), 1.5, Duration.ofMinutes(2)));
				assertThat(options.tls()).isNull();
			});
	}

	@Test
	void whenHostAndPortAreSetThenTheyAreUsed() {
		this.contextRunner.withPropertyValues("milvus.host=10.1.2.3", "milvus.port=19999").run((context) -> {
			assertThat(context.getBean(MilvusConnectionDetails.class).getUri()).isEqualTo("http://10.1.2.3:19999");
			assertThat(context.getBean(MilvusClientOptions.class).endpoint().address()).isEqualTo("10.1.2.3:19999");
		});
	}

	@Test
	void whenUriNamesDatabaseThenItIsUsedUnlessDatabaseIsSet() {
		this.contextRunner.withPropertyValues("milvus.uri=http://localhost:19530/fromUri")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).database()).isEqualTo("fromUri"));
		this.contextRunner.withPropertyValues("milvus.uri=http://localhost:19530/fromUri", "milvus.database=other")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).database()).isEqualTo("other"));
	}

	@Test
	void whenTokenIsSetThenItWinsOverUsernameAndPassword() {
		this.contextRunner.withPropertyValues("milvus.token=tok3n", "milvus.username=alice").run((context) -> {
			MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
			assertThat(options.token()).isEqualTo("tok3n");
			assertThat(options.hasCredentials()).isTrue();
		});
	}

	@Test
	void whenDurationsAndSizesAreBareNumbersThenMillisecondsAndBytesAreUsed() {
		this.contextRunner.withPropertyValues("milvus.request-timeout=1500", "milvus.max-request-size=2048")
			.run((context) -> {
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
				assertThat(options.maxRequestSize()).isEqualTo(2048);
			});
	}

	// ---------------------------------------------------------------- validation

	@Test
	void whenPortIsOutOfRangeThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.port=70000")
			.run(failsOnProperty("milvus.port", "between 1 and 65535"));
	}

	@Test
	void whenHostIsEmptyThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.host= ").run(failsOnProperty("milvus.host", "must not be empty"));
	}

	@Test
	void whenUriHasUnknownSchemeThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.uri=ftp://localhost:19530")
			.run(failsOnProperty("milvus.uri", "unknown scheme 'ftp'"));
	}

	@Test
	void whenUriIsMalformedThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.uri=http://:19530")
			.run(failsOnProperty("milvus.uri", "has no valid host"));
	}

	@Test
	void whenUriCarriesCredentialsThenStartupFailsWithoutShowingThem() {
		this.contextRunner.withPropertyValues("milvus.uri=http://root:s3cret@localhost:19530").run((context) -> {
			InvalidMilvusConfigurationException ex = findCause(context, InvalidMilvusConfigurationException.class);
			assertThat(ex.getProperty()).isEqualTo("milvus.uri");
			assertThat(ex.getMessage()).contains("must not carry credentials");
			assertThat(context.getStartupFailure()).satisfies(this::containsNoSecret);
		});
	}

	@Test
	void whenPoolSizeIsBelowOneThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.pool-size=0")
			.run(failsOnProperty("milvus.pool-size", "between 1 and 64"));
	}

	@Test
	void whenTimeoutIsNotPositiveThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.request-timeout=0s")
			.run(failsOnProperty("milvus.request-timeout", "positive duration"));
		this.contextRunner.withPropertyValues("milvus.keep-alive.timeout=-1s")
			.run(failsOnProperty("milvus.keep-alive.timeout", "positive duration"));
	}

	@Test
	void whenMessageSizeIsOutOfRangeThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.max-inbound-message-size=4GB")
			.run(failsOnProperty("milvus.max-inbound-message-size", "less than 2GB"));
		this.contextRunner.withPropertyValues("milvus.max-request-size=10B")
			.run(failsOnProperty("milvus.max-request-size", "at least 1KB"));
	}

	@Test
	void whenRetrySettingIsInvalidThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.retry.max-attempts=0")
			.run(failsOnProperty("milvus.retry.max-attempts", "at least 1"));
		this.contextRunner.withPropertyValues("milvus.retry.multiplier=0.5")
			.run(failsOnProperty("milvus.retry.multiplier", "at least 1.0"));
		this.contextRunner.withPropertyValues("milvus.retry.max-elapsed=0ms")
			.run(failsOnProperty("milvus.retry.max-elapsed", "positive duration"));
	}

	@Test
	void whenSearchCoalescingIsSetThenTheClientCombinesSearchesThatWay() {
		this.contextRunner
			.withPropertyValues("milvus.search-coalescing.max-concurrent-requests=4",
					"milvus.search-coalescing.max-queries-per-request=16")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).searchCoalescing())
				.isEqualTo(new SearchCoalescing(4, 16)));
		this.contextRunner.withPropertyValues("milvus.search-coalescing.enabled=false")
			.run((context) -> assertThat(context.getBean(MilvusClientOptions.class).searchCoalescing().enabled())
				.isFalse());
	}

	@Test
	void whenSearchCoalescingSettingIsInvalidThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.search-coalescing.max-concurrent-requests=0")
			.run(failsOnProperty("milvus.search-coalescing.max-concurrent-requests", "at least 1"));
		this.contextRunner.withPropertyValues("milvus.search-coalescing.max-queries-per-request=20000")
			.run(failsOnProperty("milvus.search-coalescing.max-queries-per-request", "between 1 and 16384"));
	}

	@Test
	void whenUsernameHasNoPasswordThenStartupFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("milvus.username=alice")
			.run(failsOnProperty("milvus.username", "milvus.password is not"));
	}

	@Test
	void whenPasswordHasNoUsernameThenStartupFailsWithoutShowingThePassword() {
		this.contextRunner.withPropertyValues("milvus.password=s3cret").run((context) -> {
			failsOnProperty("milvus.username", "milvus.username is not").accept(context);
			assertThat(context.getStartupFailure()).satisfies(this::containsNoSecret);
		});
	}

	@Test
	void whenCustomizerSetsInvalidOptionThenStartupFailsWithTheClientsReason() {
		this.contextRunner
			.withBean(MilvusClientOptionsBuilderCustomizer.class,
					() -> (builder) -> builder.retry(RetryOptions.NONE).maxRequestSize(10))
			.run((context) -> {
				InvalidMilvusConfigurationException ex = findCause(context, InvalidMilvusConfigurationException.class);
				assertThat(ex.getProperty()).isNull();
				assertThat(ex.getMessage()).contains("maxRequestSize must be at least 1024 bytes");
			});
	}

	// ---------------------------------------------------------------- TLS

	@Test
	void whenSslBundleIsSetThenTlsTrustsItsCertificates() {
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.milvus.truststore.certificate=classpath:ssl/test-cert.pem",
					"milvus.ssl.bundle=milvus")
			.run((context) -> {
				MilvusConnectionDetails details = context.getBean(MilvusConnectionDetails.class);
				assertThat(details.getSslBundle()).isNotNull();
				assertThat(details.getUri()).isEqualTo("https://localhost:19530");
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.tls()).isNotNull();
				assertThat(options.tls().trustManagerFactory()).isNotNull();
				assertThat(options.tls().keyManagerFactory()).isNull();
				assertThat(options.tls().isMutual()).isFalse();
			});
	}

	@Test
	void whenSslBundleHasKeyThenTlsIsMutual() {
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.milvus.truststore.certificate=classpath:ssl/test-cert.pem",
					"spring.ssl.bundle.pem.milvus.keystore.certificate=classpath:ssl/test-cert.pem",
					"spring.ssl.bundle.pem.milvus.keystore.private-key=classpath:ssl/test-key.pem",
					"milvus.ssl.bundle=milvus", "milvus.ssl.server-name=milvus.internal")
			.run((context) -> {
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.tls().isMutual()).isTrue();
				assertThat(options.tls().keyManagerFactory()).isNotNull();
				assertThat(options.tls().serverName()).isEqualTo("milvus.internal");
			});
	}

	@Test
	void whenSslBundleIsSetButSslIsDisabledThenPlaintextIsUsed() {
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.milvus.truststore.certificate=classpath:ssl/test-cert.pem",
					"milvus.ssl.bundle=milvus", "milvus.ssl.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(MilvusConnectionDetails.class).getSslBundle()).isNull();
				assertThat(context.getBean(MilvusClientOptions.class).tls()).isNull();
			});
	}

	@Test
	void whenSslIsEnabledWithoutBundleThenTlsTrustsTheJvmDefaults() {
		this.contextRunner.withPropertyValues("milvus.ssl.enabled=true", "milvus.uri=http://milvus.example.com:443")
			.run((context) -> {
				assertThat(context.getBean(MilvusConnectionDetails.class).getUri())
					.isEqualTo("https://milvus.example.com:443");
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.endpoint().secure()).isTrue();
				assertThat(options.tls()).isNotNull();
				assertThat(options.tls().trustManagerFactory()).isNull();
				assertThat(options.tls().trustCertificate()).isNull();
			});
	}

	@Test
	void whenUriIsHttpsThenTlsIsUsed() {
		this.contextRunner.withPropertyValues("milvus.uri=https://milvus.example.com", "milvus.ssl.server-name=x.y")
			.run((context) -> {
				MilvusClientOptions options = context.getBean(MilvusClientOptions.class);
				assertThat(options.endpoint().address()).isEqualTo("milvus.example.com:19530");
				assertThat(options.tls()).isNotNull();
				assertThat(options.tls().serverName()).isEqualTo("x.y");
			});
	}

	@Test
	void whenSslBundleIsUnknownThenStartupFailsNamingTheBundle() {
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.other.truststore.certificate=classpath:ssl/test-cert.pem",
					"milvus.ssl.bundle=missing")
			.run(failsOnProperty("milvus.ssl.bundle", "No SSL bundle named 'missing'"));
	}

	@Test
	void whenSslBundleIsSetButNoBundlesExistThenStartupFails() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class))
			.withPropertyValues("milvus.ssl.bundle=milvus")
			.run(failsOnProperty("milvus.ssl.bundle", "No SSL bundles are available"));
	}

	@Test
	void whenServerNameIsSetWithoutTlsThenStartupFails() {
		this.contextRunner.withPropertyValues("milvus.ssl.server-name=milvus.internal")
			.run(failsOnProperty("milvus.ssl.server-name", "TLS is not enabled"));
	}

	@Test
	void whenHttpsUriButSslIsDisabledThenStartupFails() {
		this.contextRunner.withPropertyValues("milvus.uri=https://localhost:19530", "milvus.ssl.enabled=false")
			.run(failsOnProperty("milvus.ssl.enabled", "uses https"));
	}

	// ---------------------------------------------------------------- secrets

	@Test
	void whenCredentialsAreSetThenNoToStringShowsThem(CapturedOutput output) {
		this.contextRunner.withPropertyValues("milvus.token=tok3n", "milvus.username=alice", "milvus.password=s3cret")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				containsNoSecret(context.getBean(MilvusProperties.class).toString());
				containsNoSecret(context.getBean(MilvusConnectionDetails.class).toString());
				containsNoSecret(context.getBean(MilvusClientOptions.class).toString());
				containsNoSecret(context.getBean(MilvusClient.class).toString());
				assertThat(context.getBean(MilvusProperties.class).toString()).contains("token=******",
						"password=******");
			});
		containsNoSecret(output.toString());
	}

	@Test
	void whenClientIsCreatedThenEndpointAndDatabaseAreLoggedButNoCredentials(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("milvus.uri=http://milvus.example.com:19531", "milvus.database=docs",
					"milvus.username=alice", "milvus.password=s3cret")
			.run((context) -> assertThat(context).hasSingleBean(MilvusClient.class));
		assertThat(output).contains("Milvus client for milvus.example.com:19531 (database docs",
				"user and password authentication");
		assertThat(output).doesNotContain("s3cret");
	}

	// ---------------------------------------------------------------- helpers

	private void containsNoSecret(@Nullable Object value) {
		String text = String.valueOf(value);
		if (value instanceof Throwable ex) {
			StringBuilder all = new StringBuilder();
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				all.append(cause).append('\n');
			}
			text = all.toString();
		}
		assertThat(text).doesNotContain("s3cret").doesNotContain("tok3n");
	}

	static ContextConsumer<AssertableApplicationContext> failsOnProperty(String property, String reason) {
		return (context) -> {
			InvalidConfigurationPropertyValueException ex = findCause(context,
					InvalidConfigurationPropertyValueException.class);
			assertThat(ex.getName()).isEqualTo(property);
			assertThat(ex.getReason()).contains(reason);
		};
	}

	static <T extends Throwable> T findCause(AssertableApplicationContext context, Class<T> type) {
		assertThat(context).hasFailed();
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + context.getStartupFailure());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean(destroyMethod = "close")
		MilvusClient userClient() {
			return MilvusClient.create("http://user-host:4321");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOptionsConfiguration {

		@Bean
		MilvusClientOptions userOptions() {
			return MilvusClientOptions.builder().host("user-host").port(4321).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		final List<String> calls = new ArrayList<>();

		@Bean
		@Order(2)
		MilvusClientOptionsBuilderCustomizer secondCustomizer() {
			return (builder) -> {
				this.calls.add("second");
				builder.poolSize(5);
			};
		}

		@Bean
		@Order(1)
		MilvusClientOptionsBuilderCustomizer firstCustomizer() {
			return (builder) -> {
				this.calls.add("first");
				builder.poolSize(4);
			};
		}

	}

	static class TestConnectionDetails implements MilvusConnectionDetails {

		@Override
		public String getUri() {
			return "http://details-host:2222";
		}

		@Override
		public String getToken() {
			return "details-token";
		}

		@Override
		public String getDatabase() {
			return "fromDetails";
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return null;
		}

	}

}
