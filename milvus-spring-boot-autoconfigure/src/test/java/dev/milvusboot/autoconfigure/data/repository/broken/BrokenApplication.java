package dev.milvusboot.autoconfigure.data.repository.broken;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application whose package holds a broken repository. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BrokenApplication {

}
