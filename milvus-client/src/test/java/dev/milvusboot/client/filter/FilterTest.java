package dev.milvusboot.client.filter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Filter;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.codec.FilterLiterals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bad filter parameters are refused before anything is sent, naming the parameter; literals render as documented. */
class FilterTest {

	@Test
	void aParameterWithoutValueIsNamed() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("year > {min} and tag == {tag}", Map.of("min", 1)))
			.withMessageContaining("no value for parameter 'tag'");
	}

	@Test
	void aValueNoParameterUsesIsNamed() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("year > {min}", Map.of("min", 1, "max", 2)))
			.withMessageContaining("does not use parameter 'max'");
	}

	@Test
	void aPlaceholderInsideAStringLiteralIsText() {
		assertThat(Filter.of("title == \"{min}\"", Map.of()).hasParams()).isFalse();
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("title == \"{min}\"", Map.of("min", 1)))
			.withMessageContaining("does not use parameter 'min'");
	}

	@Test
	void aPlaceholderInAFilterWithoutParametersIsRefused() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> Filter.of("year > {min}"))
			.withMessageContaining("no value for parameter 'min'");
	}

	@Test
	void nullValuesAreRefusedPointingToIsNull() {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("v", null);
		assertThatExceptionOfType(MilvusInvalidArgumentException.class).isThrownBy(() -> Filter.of("a == {v}", params))
			.withMessageContaining("parameter 'v' is null")
			.withMessageContaining("is null");
	}

	@Test
	void unsupportedTypesAreNamedWithThePathOfTheValue() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("a == {v}", Map.of("v", Instant.EPOCH)))
			.withMessageContaining("parameter 'v' is a java.time.Instant");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("a in {v}", Map.of("v", List.of(1, Map.of("x", 1)))))
			.withMessageContaining("parameter 'v[1]'");
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> Filter.of("a < {v}", Map.of("v", Double.NaN)))
			.withMessageContaining("parameter 'v' is NaN");
	}

	@Test
	void valuesAreNormalizedAndArraysAndSetsBecomeLists() {
		Filter filter = Filter.of("a in {ints} and b == {f} and c in {chars} and d == {s}",
				Map.of("ints", new int[] { 1, 2 }, "f", 1.5f, "chars", Set.of('x'), "s", new StringBuilder("sb")));
		assertThat(filter.params()).containsEntry("ints", List.of(1L, 2L))
			.containsEntry("f", 1.5)
			.containsEntry("chars", List.of("x"))
			.containsEntry("s", "sb");
	}

	@Test
	void toStringNamesParametersButNotTheirValues() {
		Filter filter = Filter.of("email == {email}", Map.of("email", "someone@example.com"));
		assertThat(filter.toString()).contains("{email}").contains("[email]").doesNotContain("someone@example.com");
	}

	@Test
	void literalsEscapeWhatCouldEndTheStringAndNothingElse() {
		Filter filter = Filter.of("t == {s} or n in {n} or d < {d} or b == {b}", Map.of("s", "a\"b\\c\nd\re\tf'g",
				"n", List.of(1, 2L), "d", 1e20, "b", false));
		assertThat(FilterLiterals.render(filter))
			.isEqualTo("t == \"a\\\"b\\\\c\\nd\\re\tf'g\" or n in [1, 2] or d < 100000000000000000000 or b == false");
	}

	@Test
	void aLiteralLooksLikeAPlaceholderButIsNotReplaced() {
		Filter filter = Filter.of("t == {s} and u == \"{s}\"", Map.of("s", "{s}"));
		assertThat(FilterLiterals.render(filter)).isEqualTo("t == \"{s}\" and u == \"{s}\"");
	}

	@Test
	void longListsRenderEveryElement() {
		List<Integer> many = new ArrayList<>(Arrays.asList(new Integer[1000]));
		for (int i = 0; i < many.size(); i++) {
			many.set(i, i);
		}
		String rendered = FilterLiterals.render(Filter.of("id in {ids}", Map.of("ids", many)));
		assertThat(rendered).startsWith("id in [0, 1, 2").endsWith("998, 999]");
	}

}
