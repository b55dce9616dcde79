package dev.milvusboot.client.database;

import org.junit.jupiter.api.BeforeAll;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.milvus.MilvusContainer;

import dev.milvusboot.local.junit.MilvusLiteTest;
import dev.milvusboot.local.junit.TestNames;

/**
 * The database in the {@code dbname} header on Milvus 2.6 in a container: runs where a Docker engine exists,
 * skipped with "Docker is not available" elsewhere. ({@code @MilvusLiteTest} only provides {@link TestNames}.)
 */
@Testcontainers(disabledWithoutDocker = true)
@MilvusLiteTest
class DatabasePlacementOnMilvus26ContainerTest extends DatabasePlacementContract {

	@Container
	static final MilvusContainer milvus = new MilvusContainer("milvusdb/milvus:v2.6.4");

	@BeforeAll
	static void connect(TestNames testNames) {
		connect("http://" + milvus.getHost() + ":" + milvus.getMappedPort(19530), testNames);
	}

}
