package dev.milvusboot.autoconfigure.data.repository.reactivebroken;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** An application whose package holds a broken reactive repository. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BrokenReactiveApplication {

}
