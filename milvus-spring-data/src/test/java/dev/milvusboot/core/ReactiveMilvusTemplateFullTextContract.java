package dev.milvusboot.core;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.data.SubSearch;
import dev.milvusboot.client.data.rank.Ranker;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.mapping.MappingException;
import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusFullText;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Text and hybrid search through {@link ReactiveMilvusTemplate}: the collection created reactively from a
 * full-text entity, text search with a filter parameter, and hybrid search by vector and text whose RRF scores are
 * those of the ranks of the plain searches. One suite run against each real server; subclasses connect to theirs.
 */
abstract class ReactiveMilvusTemplateFullTextContract {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	@MilvusCollection("reactive_template_notes_text")
	record Note(@MilvusId long id, @MilvusFullText String text, String author,
			@MilvusVector(dimension = 3, metric = MetricType.COSINE, indexType = IndexType.FLAT) float[] embedding) {
	}

	static final List<Note> NOTES = List.of(new Note(1, "the quick brown fox", "ann", new float[] { 1, 0.1f, 0.2f }),
			new Note(2, "a lazy dog sleeps", "bo", new float[] { 0.2f, 1, 0.1f }),
			new Note(3, "quick fox, quick dog", "ann\" or author != \"", new float[] { 0.3f, 0.4f, 1 }),
			new Note(4, "cats and a fox", "cy", new float[] { 0.9f, 0.8f, 0.1f }));

	static MilvusClient client;

	static ReactiveMilvusTemplate template;

	static void create(String uri) {
		client = MilvusClient.create(uri);
		template = new ReactiveMilvusTemplate(client);
		template.hasCollection(Note.class)
			.flatMap((exists) -> exists ? template.dropCollection(Note.class) : reactor.core.publisher.Mono.empty())
			.then(template.createCollection(Note.class))
			.then(template.insert(NOTES))
			.block(TIMEOUT);
	}

	@AfterAll
	static void drop() {
		template.dropCollection(Note.class).block(TIMEOUT);
		client.close();
	}

	@Test
	void aTextSearchWithAFilterParameterFindsOnlyTheMatchingNotesWithTheKeyword() {
		List<Long> fox = template.searchText(Note.class, "fox", 10).map((hit) -> hit.entity().id()).collectList()
			.block(TIMEOUT);
		assertThat(fox).containsExactlyInAnyOrder(1L, 3L, 4L);
		List<ScoredEntity<Note>> byHostileAuthor = template
			.searchText(Note.class, "fox", 10, Filter.of("author == {a}", Map.of("a", "ann\" or author != \"")))
			.collectList()
			.block(TIMEOUT);
		assertThat(byHostileAuthor).extracting((hit) -> hit.entity().id()).containsExactly(3L);
		assertThat(byHostileAuthor.get(0).entity().text()).isEqualTo("quick fox, quick dog");
	}

	@Test
	void aHybridSearchByVectorAndTextScoresEachNoteByItsRanksInThePlainSearches() {
		float[] query = { 1, 0.5f, 0.1f };
		Filter notBo = Filter.of("author != {a}", Map.of("a", "bo"));
		Map<Long, Double> expected = new HashMap<>();
		for (List<ScoredEntity<Note>> hits : List.of(
				template.search(Note.class, query, 4, notBo).collectList().block(TIMEOUT),
				template.searchText(Note.class, "quick fox", 4, notBo).collectList().block(TIMEOUT))) {
			for (int rank = 1; rank <= hits.size(); rank++) {
				expected.merge(hits.get(rank - 1).entity().id(), 1.0 / (60 + rank), Double::sum);
			}
		}
		List<ScoredEntity<Note>> hybrid = template.hybridSearch(Note.class, query, "quick fox", 4, Ranker.rrf(), notBo)
			.collectList()
			.block(TIMEOUT);
		assertThat(hybrid).extracting((hit) -> hit.entity().id()).containsExactlyInAnyOrderElementsOf(expected.keySet());
		hybrid.forEach((hit) -> assertThat((double) hit.score()).isCloseTo(expected.get(hit.entity().id()), within(1e-6)));
		List<ScoredEntity<Note>> explicit = template.hybridSearch(Note.class,
				List.of(SubSearch.field("embedding").vector(query).topK(4).filter(notBo).build(),
						SubSearch.field("text_sparse").text("quick fox").topK(4).filter(notBo).build()),
				Ranker.rrf(), 4).collectList().block(TIMEOUT);
		assertThat(explicit).extracting((hit) -> hit.entity().id())
			.containsExactlyElementsOf(hybrid.stream().map((hit) -> hit.entity().id()).toList());
	}

	@Test
	void aTextSearchOfAFieldTheEntityLacksIsAnErrorSignalNamingTheEntity() {
		reactor.test.StepVerifier.create(template.searchText(Note.class, "author", "fox", 3, Filter.NONE))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(MappingException.class)
				.hasMessageContaining(Note.class.getName())
				.hasMessageContaining("no full-text field 'author'"))
			.verify(TIMEOUT);
	}

}
