package dev.milvusboot.benchmarks.startup;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import dev.milvusboot.client.MilvusClient;

/**
 * A minimal Spring Boot application (auto-configuration only, no web server) with our starter, started, and a first
 * call through its {@code MilvusClient} bean ({@code created} is told when the application has started). Needs the
 * classpath of an application using the starter.
 */
public final class BootFirstCall {

	private BootFirstCall() {
	}

	/** The application. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

	public static AutoCloseable firstCall(String uri, Runnable created) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		// Docker Compose support off in case its module is on the classpath (an application's choice, not ours)
		ConfigurableApplicationContext context = application.run("--milvus.uri=" + uri, "--logging.level.root=WARN",
				"--spring.docker.compose.enabled=false");
		created.run();
		context.getBean(MilvusClient.class).listCollections();
		return context::close;
	}

}
