package dev.milvusboot.autoconfigure.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.milvusboot.autoconfigure.MilvusAutoConfiguration;
import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.mapping.EntityMapper;
import dev.milvusboot.core.mapping.MilvusCustomConversions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.WritingConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MilvusTemplateAutoConfiguration}. No call reaches a server: the client connects lazily.
 */
class MilvusTemplateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MilvusAutoConfiguration.class, MilvusTemplateAutoConfiguration.class));

	@Test
	void whenTheClientIsConfiguredThenTheTemplateUsesIt() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MilvusTemplate.class);
			assertThat(context.getBean(MilvusTemplate.class).getClient())
				.isSameAs(context.getBean(MilvusClient.class));
		});
	}

	@Test
	void whenTheApplicationDefinesATemplateThenTheAutoConfiguredOneBacksOff() {
		this.contextRunner.withUserConfiguration(OwnTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MilvusTemplate.class);
			assertThat(context).getBean("ownTemplate").isSameAs(context.getBean(MilvusTemplate.class));
		});
	}

	@Test
	void whenThereAreTwoClientsAndNoPrimaryThenNoTemplateIsCreated() {
		this.contextRunner.withUserConfiguration(TwoClientsConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(MilvusTemplate.class));
	}

	@Test
	void whenMilvusSpringDataIsNotOnTheClasspathThenNoTemplateIsCreatedAndTheClientStillIs() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MilvusTemplate.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(MilvusTemplate.class);
			assertThat(context).hasSingleBean(MilvusClient.class);
		});
	}

	@Test
	void whenTheApplicationDefinesConversionsThenTheTemplateConvertsWithThem() {
		this.contextRunner.withUserConfiguration(OwnConversionsConfiguration.class).run((context) -> {
			MilvusCustomConversions conversions = context.getBean(MilvusCustomConversions.class);
			MilvusTemplate template = context.getBean(MilvusTemplate.class);
			assertThat(template.getEntityMapper()).isSameAs(context.getBean(EntityMapper.class));
			assertThat(template.getEntityMapper().converter().getConversions()).isSameAs(conversions);
			assertThat(template.filter("price == {p}", Map.of("p", new Money(150))).params()).containsEntry("p", "150 ct");
		});
	}

	@Test
	void whenTheApplicationDefinesNoConversionsThenMilvusOwnAreUsed() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MilvusCustomConversions.class);
			assertThat(context.getBean(MilvusTemplate.class).getEntityMapper().converter().toMilvusValue(Instant.ofEpochMilli(42)))
				.isEqualTo(42L);
		});
	}

	record Money(long cents) {
	}

	@WritingConverter
	enum MoneyToString implements Converter<Money, String> {

		INSTANCE;

		@Override
		public String convert(Money source) {
			return source.cents() + " ct";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnConversionsConfiguration {

		@Bean
		MilvusCustomConversions ownConversions() {
			return new MilvusCustomConversions(List.of(MoneyToString.INSTANCE));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnTemplateConfiguration {

		@Bean
		MilvusTemplate ownTemplate(MilvusClient client) {
			return new MilvusTemplate(client);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoClientsConfiguration {

		@Bean(destroyMethod = "close")
		MilvusClient first() {
			return MilvusClient.create("http://127.0.0.1:19530");
		}

		@Bean(destroyMethod = "close")
		MilvusClient second() {
			return MilvusClient.create("http://127.0.0.1:19531");
		}

	}

}
