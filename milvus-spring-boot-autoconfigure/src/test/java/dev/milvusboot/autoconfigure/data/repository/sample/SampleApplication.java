package dev.milvusboot.autoconfigure.data.repository.sample;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Marks the package as the application's, as {@code @SpringBootApplication} does. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class SampleApplication {

}
