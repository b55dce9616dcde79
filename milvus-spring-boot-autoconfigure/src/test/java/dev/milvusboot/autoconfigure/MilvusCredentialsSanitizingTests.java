package dev.milvusboot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint.ConfigurationPropertiesBeanDescriptor;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@code milvus.password} and {@code milvus.token} are masked by the actuator's {@code configprops} and
 * {@code env} endpoints. Spring Boot 4 masks every value unless {@code show-values} is changed, and then masks
 * nothing by key; the auto-configuration's {@link SanitizingFunction} keeps the Milvus secrets masked even so.
 */
class MilvusCredentialsSanitizingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=configprops,env", "milvus.token=tok3n",
				"milvus.username=alice", "milvus.password=s3cret", "milvus.database=docs");

	@Test
	void whenValuesAreShownThenConfigpropsMasksPasswordAndToken() {
		this.contextRunner.withPropertyValues("management.endpoint.configprops.show-values=always").run((context) -> {
			ConfigurationPropertiesReportEndpoint endpoint = context.getBean(ConfigurationPropertiesReportEndpoint.class);
			Map<String, Object> properties = milvusProperties(endpoint);
			assertThat(properties).containsEntry("password", SanitizableData.SANITIZED_VALUE)
				.containsEntry("token", SanitizableData.SANITIZED_VALUE)
				.containsEntry("username", "alice")
				.containsEntry("database", "docs");
		});
	}

	@Test
	void whenValuesAreNotShownThenConfigpropsMasksEverything() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = milvusProperties(
					context.getBean(ConfigurationPropertiesReportEndpoint.class));
			assertThat(properties).containsEntry("password", SanitizableData.SANITIZED_VALUE)
				.containsEntry("username", SanitizableData.SANITIZED_VALUE);
		});
	}

	@Test
	void whenValuesAreShownThenEnvMasksPasswordAndToken() {
		this.contextRunner.withPropertyValues("management.endpoint.env.show-values=always").run((context) -> {
			EnvironmentEndpoint endpoint = context.getBean(EnvironmentEndpoint.class);
			assertThat(endpoint.environmentEntry("milvus.password").getProperty().getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(endpoint.environmentEntry("milvus.token").getProperty().getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(endpoint.environmentEntry("milvus.username").getProperty().getValue()).isEqualTo("alice");
		});
	}

	@Test
	void whenSecretComesFromEnvironmentVariableThenItIsMasked() {
		this.contextRunner.run((context) -> {
			SanitizingFunction function = context.getBean("milvusCredentialsSanitizingFunction",
					SanitizingFunction.class);
			assertThat(sanitize(function, "MILVUS_PASSWORD")).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitize(function, "MILVUS_TOKEN")).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitize(function, "milvus.token")).isEqualTo(SanitizableData.SANITIZED_VALUE);
			assertThat(sanitize(function, "milvus.username")).isEqualTo("value");
			assertThat(sanitize(function, "other.password")).isEqualTo("value");
		});
	}

	@Test
	void whenActuatorIsAbsentThenNoSanitizingFunctionIsDefined() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("milvusCredentialsSanitizingFunction"));
	}

	private static Object sanitize(SanitizingFunction function, String key) {
		return function.applyUnlessFiltered(new SanitizableData(null, key, "value")).getValue();
	}

	private static Map<String, Object> milvusProperties(ConfigurationPropertiesReportEndpoint endpoint) {
		return endpoint.configurationPropertiesWithPrefix("milvus")
			.getContexts()
			.values()
			.stream()
			.flatMap((context) -> context.getBeans().values().stream())
			.filter((bean) -> bean.getPrefix().equals("milvus"))
			.map(ConfigurationPropertiesBeanDescriptor::getProperties)
			.findFirst()
			.orElseThrow();
	}

}
