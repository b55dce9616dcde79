package dev.milvusboot.client.data;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * The data suite against Milvus 2.6 in a container: runs where a Docker engine exists, and is skipped with
 * "Docker is not available" where none does. ({@code @MilvusLiteTest} only provides {@link TestNames} here.)
 */
@Testcontainers(disabledWithoutDocker = true)
@MilvusLiteTest
class DataOperationsOnMilvus26ContainerTest extends DataOperationsContract {

	@Container
	static final MilvusContainer milvus = new MilvusContainer("milvusdb/milvus:v2.6.4");

	@BeforeAll
	static void connect(TestNames testNames) {
		connect("http://" + milvus.getHost() + ":" + milvus.getMappedPort(19530), testNames);
	}

}
