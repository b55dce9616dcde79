package dev.milvusboot.benchmarks.footprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up time our auto-configuration adds: a minimal Spring Boot application (no web server) started with
 * and without our auto-configurations, on the classpath of an application using the starter.
 * <ul>
 * <li>{@code StartupMain cold with|without|lazy URI}: one start in this (fresh) JVM; prints {@code ms=T}, the time
 * of {@code SpringApplication.run}; {@code lazy} is "with", but the {@code milvusClient} and {@code milvusTemplate}
 * beans are made lazy, so our auto-configuration is processed and no client is created.</li>
 * <li>{@code StartupMain warm N URI}: N starts of each, alternating, in this JVM after as many unmeasured ones;
 * prints {@code with=MEDIAN without=MEDIAN}.</li>
 * </ul>
 */
public final class StartupMain {

	/** Our auto-configurations, all excluded for the "without" runs. */
	static final String OURS = String.join(",", "dev.milvusboot.autoconfigure.MilvusAutoConfiguration",
			"dev.milvusboot.autoconfigure.health.MilvusHealthContributorAutoConfiguration",
			"dev.milvusboot.autoconfigure.metrics.MilvusMetricsAutoConfiguration",
			"dev.milvusboot.autoconfigure.observation.MilvusObservationAutoConfiguration",
			"dev.milvusboot.autoconfigure.lite.MilvusLiteAutoConfiguration");

	private StartupMain() {
	}

	/** The application: auto-configuration only. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

	public static void main(String[] args) {
		if (args[0].equals("cold")) {
			double ms = start(!args[1].equals("without"), args[1].equals("lazy"), args[2]);
			System.out.printf(Locale.ROOT, "ms=%.3f%n", ms);
		}
		else {
			int runs = Integer.parseInt(args[1]);
			List<Double> with = new ArrayList<>();
			List<Double> without = new ArrayList<>();
			for (int i = 0; i < 2 * runs; i++) {
				double a = start(true, false, args[2]);
				double b = start(false, false, args[2]);
				if (i >= runs) {
					with.add(a);
					without.add(b);
				}
			}
			System.out.printf(Locale.ROOT, "with=%.3f without=%.3f%n", median(with), median(without));
		}
		System.exit(0);
	}

	/** Starts and closes the application; returns the start time in milliseconds. */
	static double start(boolean withOurs, boolean lazy, String uri) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		List<String> arguments = new ArrayList<>(List.of("--milvus.uri=" + uri, "--logging.level.root=WARN"));
		if (!withOurs) {
			arguments.add("--spring.autoconfigure.exclude=" + OURS);
		}
		if (lazy) {
			application.addInitializers((context) -> context.addBeanFactoryPostProcessor((beanFactory) -> {
				for (String name : List.of("milvusClient", "milvusTemplate")) {
					if (beanFactory.containsBeanDefinition(name)) {
						beanFactory.getBeanDefinition(name).setLazyInit(true);
					}
				}
			}));
		}
		long begin = System.nanoTime();
		ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new));
		double ms = (System.nanoTime() - begin) / 1e6;
		if (withOurs != context.containsBean("milvusClient")) {
			throw new IllegalStateException("Expected the Milvus client bean " + (withOurs ? "" : "not ") + "to exist");
		}
		context.close();
		return ms;
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted[(sorted.length - 1) / 2];
	}

}
