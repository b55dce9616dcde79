package dev.milvusboot.client;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import dev.milvusboot.local.MilvusLite;
import dev.milvusboot.local.junit.MilvusLiteTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BadInputTest} against Milvus Lite 2.5 (Milvus's own C++ engine in one binary), which stores some bad rows
 * (a vector of another dimension, a string longer than its field) without complaint: the client refuses them
 * first. It has no partitions and ignores the partition of an insert, so that case is left out of the table and
 * shown by a test of its own.
 */
@MilvusLiteTest(engine = MilvusLite.Engine.NATIVE)
class BadInputOnMilvusLite25Test extends BadInputTest {

	private static final String UNKNOWN_PARTITION = "unknown partition";

	static Stream<Arguments> badInputs() {
		return BadInputTest.badInputs().filter((arguments) -> !UNKNOWN_PARTITION.equals(arguments.get()[0]));
	}

	@Test
	void anInsertIntoAnUnknownPartitionIsStoredInTheCollection() {
		long before = client.count(strict, "");
		client.insert(strict, "no_such_partition", List.of(row(90L, new float[4], "t", 1)));
		assertThat(client.count(strict, "")).isEqualTo(before + 1);
		client.delete(strict, List.of(90L));
		Assumptions.abort(ServerLacks.LITE_25 + " has no partitions; it answered success to an insert into partition "
				+ "'no_such_partition' and stored the row in the collection");
	}

}
