package dev.milvusboot.client.internal.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class FilterSyntaxTest {

	@ParameterizedTest
	@ValueSource(strings = { "n > 1", "(n > 1) and title == \"a(b\"", "title in ['x;y', \"it\\\"s\"]",
			"meta[\"key\"] == 'v' || $meta[\"color\"] != \"red\"", "json_contains(tags, \"a\")", "id in [1, 2, 3]",
			"n % 2 == 0 && -n < 5", "title like \"a%\"", "n == {value}", "ratio >= 1.5e3", "title == '#@;'",
			"a.b", "not (n >= 1\n\tand n <= 3)", "x =~ 'y' or x !~ 'z'", "title == \"\\\\\"", "title LIKE r'a\\_%'",
			"title like {pattern}", "likes == 1 and unlike > 2", "" })
	void wellFormedFiltersPass(String filter) {
		assertThatNoException().isThrownBy(() -> FilterSyntax.check(filter, "query of collection 'docs'"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"title == \"abc | unterminated string literal starting at column 10",
			"title == 'abc | unterminated string literal starting at column 10",
			"title == \"a\\\" | unterminated string literal starting at column 10",
			"(n > 1 | unclosed '(' at column 1",
			"n > 1) | unbalanced ')' at column 6",
			"id in [1, 2 | unclosed '[' at column 7",
			"(id in [1, 2)] | '[' at column 8 closed by ')' at column 13",
			"n > 1; n < 3 | unexpected character ';' at column 6",
			"n > 1 # comment | unexpected character '#' at column 7",
			"@@@ | unexpected character '@' at column 1",
			"titre == 'é' and é == 1 | unexpected character 'é' at column 18",
			"title like 1 | 'like' at column 7 not followed by a string pattern",
			"title LIKE | 'LIKE' at column 7 not followed by a string pattern" })
	void malformedFiltersAreRefusedNamingTheFaultAndColumn(String filter, String fault) {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> FilterSyntax.check(filter, "delete from collection 'docs'"))
			.withMessage("Delete from collection 'docs' has an invalid filter: " + fault + " in '" + filter + "'");
	}

	@Test
	void nullIsNothingToCheck() {
		assertThat(FilterSyntax.fault("")).isNull();
		assertThatNoException().isThrownBy(() -> FilterSyntax.check(null, "search in collection 'docs'"));
	}

}
