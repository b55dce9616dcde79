package dev.milvusboot.client.filter;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Filters with parameters on Milvus 2.6 in a container, the one server here that reads filter templates: the
 * client sends templates (decided by the version it reports), and the hostile catalogue must match as with
 * literals elsewhere. Runs where a Docker engine exists, skipped with "Docker is not available" elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
@MilvusLiteTest
class FilterParametersOnMilvus26ContainerTest extends FilterParametersContract {

	@Container
	static final MilvusContainer milvus = new MilvusContainer("milvusdb/milvus:v2.6.4");

	@BeforeAll
	static void connect(TestNames testNames) {
		connect("http://" + milvus.getHost() + ":" + milvus.getMappedPort(19530), testNames);
		readsTemplates = true;
	}

}
