package dev.milvusboot.springai;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.ai.vectorstore.filter.FilterExpressionBuilder;
import org.springframework.ai.vectorstore.filter.FilterExpressionTextParser;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template and parameters a Spring AI filter becomes (no server: the servers' answers are in
 * {@link FilterContract}).
 */
class FilterTranslatorTest {

	private final FilterTranslator translator = new FilterTranslator("metadata");

	private final FilterExpressionBuilder b = new FilterExpressionBuilder();

	@Test
	void valuesAreParametersAndNeverPartOfTheTemplate() {
		String hostile = "\" or 1==1 or \"";
		Filter filter = this.translator.translate(this.b.eq("country", hostile).build());

		assertThat(filter.expression()).isEqualTo("metadata[\"country\"] == {p0}");
		assertThat(filter.params()).isEqualTo(Map.of("p0", hostile));
	}

	@Test
	void groupingIsKeptByParenthesisingEveryOperand() {
		Filter filter = this.translator.translate(new FilterExpressionTextParser()
			.parse("(country == 'BG' || country == 'NL') && NOT(year >= 2020)"));

		assertThat(filter.expression()).isEqualTo("((metadata[\"country\"] == {p0}) or (metadata[\"country\"] == {p1}))"
				+ " and (not (metadata[\"year\"] >= {p2}))");
		assertThat(filter.params()).containsEntry("p0", "BG").containsEntry("p1", "NL").containsEntry("p2", 2020L);
	}

	@Test
	void inAndNinAreEqualitiesAndNullTestsAreExists() {
		assertThat(this.translator.translate(this.b.in("c", "a", "b").build()).expression())
			.isEqualTo("(metadata[\"c\"] == {p0} or metadata[\"c\"] == {p1})");
		assertThat(this.translator.translate(this.b.nin("c", List.of(1, 2)).build()).expression())
			.isEqualTo("not (metadata[\"c\"] == {p0} or metadata[\"c\"] == {p1})");
		assertThat(this.translator.translate(this.b.isNull("c").build()).expression())
			.isEqualTo("not exists metadata[\"c\"]");
		assertThat(this.translator.translate(this.b.isNotNull("c").build()).expression())
			.isEqualTo("exists metadata[\"c\"]");
	}

	@Test
	void nestedKeysArePathsIntoTheJsonField() {
		assertThat(this.translator.translate(this.b.eq("author.name", "ann").build()).expression())
			.isEqualTo("metadata[\"author\"][\"name\"] == {p0}");
	}

	@Test
	void integersAreSentAsInt64AndDecimalsAsDouble() {
		Filter filter = this.translator
			.translate(this.b.and(this.b.eq("i", 1), this.b.and(this.b.eq("l", 2L), this.b.lt("d", 2.5))).build());

		assertThat(filter.params()).containsEntry("p0", 1L).containsEntry("p1", 2L).containsEntry("p2", 2.5);
	}

	@Test
	void keysThatCouldLeaveTheJsonPathAndEmptyInListsAreRefused() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> this.translator.translate(this.b.eq("a\"]", "v").build()))
			.withMessageContaining("metadata key 'a\"]'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> this.translator.translate(this.b.in("c", List.of()).build()))
			.withMessageContaining("IN needs at least one value");
	}

}
