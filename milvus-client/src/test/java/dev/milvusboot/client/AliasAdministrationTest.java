package dev.milvusboot.client;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.admin.AliasDescription;
import dev.milvusboot.client.exception.MilvusAlreadyExistsException;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusNotFoundException;
import dev.milvusboot.client.exception.MilvusNotFoundException.ResourceType;
import dev.milvusboot.client.schema.CollectionSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Creating, moving, describing, listing and dropping aliases on a real Milvus Lite.
 */
class AliasAdministrationTest extends AdminTestSupport {

	private static final int DIM = 4;

	private static String collection(String prefix) {
		String name = names.collection(prefix);
		client.createCollection(CollectionSchema.quick(name, DIM));
		return name;
	}

	@Test
	void anAliasCanBeUsedForItsCollection() {
		String name = collection("target");
		String alias = names.collection("current");

		client.createAlias(name, alias);

		assertThat(client.describeAlias(alias)).isEqualTo(new AliasDescription(alias, name, ""));
		assertThat(client.listAliases(name)).containsExactly(alias);
		assertThat(client.hasCollection(alias)).isTrue();
		client.insert(alias, AdminFixtures.rows(3, DIM, 4));
		assertThat(client.rowCount(name)).isEqualTo(3);
	}

	@Test
	void anAliasCanBeMovedToAnotherCollection() {
		String blue = collection("blue");
		String green = collection("green");
		String alias = names.collection("live");
		client.createAlias(blue, alias);

		client.alterAlias(green, alias);

		assertThat(client.describeAlias(alias).collection()).isEqualTo(green);
		assertThat(client.listAliases(blue)).isEmpty();
		assertThat(client.listAliases(green)).containsExactly(alias);
	}

	@Test
	void droppingAnAliasKeepsTheCollection() {
		String name = collection("kept");
		String alias = names.collection("gone");
		client.createAlias(name, alias);

		client.dropAlias(alias);

		assertThat(client.listAliases(name)).isEmpty();
		assertThat(client.hasCollection(alias)).isFalse();
		assertThat(client.hasCollection(name)).isTrue();
	}

	@Test
	void creatingAnExistingAliasIsReportedAsAlreadyExisting() {
		String name = collection("taken");
		String alias = names.collection("taken_alias");
		client.createAlias(name, alias);

		assertThatExceptionOfType(MilvusAlreadyExistsException.class)
			.isThrownBy(() -> client.createAlias(name, alias))
			.withMessageContaining("'" + alias + "'")
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void unknownAliasIsReportedAsNotFound() {
		String alias = names.collection("unknown_alias");

		assertThatExceptionOfType(MilvusNotFoundException.class).isThrownBy(() -> client.describeAlias(alias))
			.withMessageContaining("'" + alias + "'")
			.satisfies((ex) -> assertThat(ex.resourceType()).isEqualTo(ResourceType.ALIAS));
	}

	@Test
	void anAliasOfAnUnknownCollectionIsReportedAsNotFound() {
		String name = names.collection("absent");

		assertThatExceptionOfType(MilvusNotFoundException.class)
			.isThrownBy(() -> client.createAlias(name, names.collection("dangling")))
			.withMessageContaining("'" + name + "'");
	}

	@Test
	void invalidAliasesAreRejectedBeforeAnythingIsSent() {
		calls.clear();

		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.createAlias("books", "books-v2"))
			.withMessageContaining("alias")
			.withMessageContaining("'books-v2'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> client.dropAlias(""));
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> client.alterAlias("2books", "live"))
			.withMessageContaining("'2books'");

		assertThat(calls.operations()).isEmpty();
	}

}
