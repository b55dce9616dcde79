package dev.milvusboot.client;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * Schema evolution on Milvus 2.6 in a container, which lacks none of it (fields added, field and index properties
 * altered, which no local server does): runs where a Docker engine exists, skipped with "Docker is not available"
 * elsewhere. ({@code @MilvusLiteTest} only provides {@link TestNames} here.)
 */
@Testcontainers(disabledWithoutDocker = true)
@MilvusLiteTest
class SchemaEvolutionOnMilvus26ContainerTest extends SchemaEvolutionContract {

	@Container
	static final MilvusContainer milvus = new MilvusContainer("milvusdb/milvus:v2.6.4");

	@BeforeAll
	static void connect(TestNames testNames) {
		connect("http://" + milvus.getHost() + ":" + milvus.getMappedPort(19530), testNames, "Milvus 2.6");
	}

}
