package dev.milvusboot.autoconfigure.lite;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.autoconfigure.MilvusConnectionDetails;
import dev.milvusboot.autoconfigure.PropertiesMilvusConnectionDetails;
import dev.milvusboot.local.MilvusLite;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and binding of {@link MilvusLiteAutoConfiguration}, without starting a server.
 */
class MilvusLiteAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusLiteAutoConfiguration.class, MilvusAutoConfiguration.class));

	@Test
	void whenNotEnabledThenNoServerIsStartedAndPropertiesAreUsed() {
		this.contextRunner.withPropertyValues("milvus.uri=http://example.org:19530").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MilvusLiteServer.class);
			assertThat(context.getBean(MilvusConnectionDetails.class))
				.isInstanceOf(PropertiesMilvusConnectionDetails.class);
			assertThat(context.getBean(MilvusConnectionDetails.class).getUri()).isEqualTo("http://example.org:19530");
		});
	}

	@Test
	void whenDisabledExplicitlyThenNoServerIsStarted() {
		this.contextRunner.withPropertyValues("milvus.lite.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MilvusLiteServer.class));
	}

	@Test
	void whenMilvusLocalIsNotOnTheClasspathThenItBacksOff() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusLite.class))
			.withPropertyValues("milvus.lite.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MilvusLiteServer.class);
				assertThat(context.getBean(MilvusConnectionDetails.class))
					.isInstanceOf(PropertiesMilvusConnectionDetails.class);
			});
	}

	@Test
	void whenApplicationDefinesConnectionDetailsThenItBacksOff() {
		this.contextRunner.withUserConfiguration(OwnConnectionDetails.class)
			.withPropertyValues("milvus.lite.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(MilvusLiteServer.class);
				assertThat(context.getBean(MilvusConnectionDetails.class).getUri()).isEqualTo("http://own:19530");
			});
	}

	@Test
	void propertiesBindWithTheirDefaults() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run((context) -> {
			MilvusLiteProperties properties = context.getBean(MilvusLiteProperties.class);
			assertThat(properties.isEnabled()).isFalse();
			assertThat(properties.getEngine()).isEqualTo(MilvusLiteProperties.DEFAULT_ENGINE)
				.isEqualTo(MilvusLite.Engine.PYTHON);
			assertThat(properties.getVersion()).isNull();
			assertThat(properties.isStopStaleServer()).isTrue();
			assertThat(properties.getPort()).isZero();
			assertThat(properties.getDataDirectory()).isEqualTo(Path.of("milvus-lite-data"));
			assertThat(properties.isKeepData()).isTrue();
			assertThat(properties.getPython()).isEqualTo("python3");
			assertThat(properties.getStartupTimeout()).isEqualTo(MilvusLite.DEFAULT_STARTUP_TIMEOUT);
		});
	}

	@Test
	void propertiesBind() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class)
			.withPropertyValues("milvus.lite.engine=native", "milvus.lite.stop-stale-server=false",
					"milvus.lite.version=3.1.0", "milvus.lite.port=19531",
					"milvus.lite.data-directory=/tmp/lite data", "milvus.lite.keep-data=false",
					"milvus.lite.python=/usr/bin/python3.12", "milvus.lite.startup-timeout=30s")
			.run((context) -> {
				MilvusLiteProperties properties = context.getBean(MilvusLiteProperties.class);
				assertThat(properties.getEngine()).isEqualTo(MilvusLite.Engine.NATIVE);
				assertThat(properties.isStopStaleServer()).isFalse();
				assertThat(properties.getVersion()).isEqualTo("3.1.0");
				assertThat(properties.getPort()).isEqualTo(19531);
				assertThat(properties.getDataDirectory()).isEqualTo(Path.of("/tmp/lite data"));
				assertThat(properties.isKeepData()).isFalse();
				assertThat(properties.getPython()).isEqualTo("/usr/bin/python3.12");
				assertThat(properties.getStartupTimeout()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void metadataDocumentsTheDefaultsTheProcessorCannotSee() throws Exception {
		try (InputStream in = getClass()
			.getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
			Map<String, Object> metadata = JsonParserFactory.getJsonParser()
				.parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
			assertThat(properties).anySatisfy((property) -> {
				assertThat(property).containsEntry("name", "milvus.lite.engine");
				assertThat(property).containsEntry("defaultValue",
						MilvusLiteProperties.DEFAULT_ENGINE.name().toLowerCase(Locale.ROOT));
			});
			List<Map<String, Object>> hints = (List<Map<String, Object>>) metadata.get("hints");
			assertThat(hints).anySatisfy((hint) -> {
				assertThat(hint).containsEntry("name", "milvus.lite.engine");
				assertThat((List<Map<String, Object>>) hint.get("values")).extracting((value) -> value.get("value"))
					.containsExactlyInAnyOrder(Arrays.stream(MilvusLite.Engine.values())
						.map((engine) -> engine.name().toLowerCase(Locale.ROOT))
						.toArray());
			});
			assertThat(properties).anySatisfy((property) -> {
				assertThat(property).containsEntry("name", "milvus.lite.data-directory");
				assertThat(property).containsEntry("defaultValue", "milvus-lite-data");
			});
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConnectionDetails {

		@Bean
		MilvusConnectionDetails ownMilvusConnectionDetails() {
			return () -> "http://own:19530";
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(MilvusLiteProperties.class)
	static class PropertiesOnly {

	}

}
