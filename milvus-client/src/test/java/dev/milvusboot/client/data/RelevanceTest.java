package dev.milvusboot.client.data;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.MetricType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The relevance formula per metric, and the range-search radius that keeps exactly the hits meeting a minimum. */
class RelevanceTest {

	@ParameterizedTest
	@CsvSource({ "COSINE, 1, 1", "COSINE, -1, 0", "COSINE, 0, 0.5", "IP, 3, 1", "IP, -0.5, 0.25", "L2, 0, 1",
			"L2, 1, 0.5", "L2, 3, 0.25", "HAMMING, 4, 0.2", "JACCARD, 0.25, 0.75" })
	void relevanceFollowsTheDocumentedFormula(MetricType metric, float score, double expected) {
		assertThat(Relevance.of(metric, score)).isCloseTo(expected, within(1e-9));
	}

	@ParameterizedTest
	@EnumSource(value = MetricType.class, names = "BM25", mode = EnumSource.Mode.EXCLUDE)
	void theRadiusSeparatesHitsThatMeetTheMinimumFromThoseThatDoNot(MetricType metric) {
		double min = 0.8;
		double radius = Relevance.radius(metric, min);
		float justAbove = scoreOf(metric, min + 0.01);
		float justBelow = scoreOf(metric, min - 0.01);
		if (metric.smallerIsCloser()) {
			assertThat((double) justAbove).isLessThan(radius);
			assertThat((double) justBelow).isGreaterThan(radius);
		}
		else {
			assertThat((double) justAbove).isGreaterThan(radius);
			assertThat((double) justBelow).isLessThan(radius);
		}
		assertThat(Relevance.meets(metric, justAbove, min)).isTrue();
		assertThat(Relevance.meets(metric, justBelow, min)).isFalse();
		assertThat(Relevance.meets(metric, scoreOf(metric, min), min)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "0", "-0.1", "1.5", "NaN" })
	void aMinimumOutsideTheUnitIntervalIsRefusedNamingIt(double min) {
		assertThatThrownBy(() -> Relevance.radius(MetricType.COSINE, min))
			.isInstanceOf(MilvusInvalidArgumentException.class)
			.hasMessageContaining("minimum relevance")
			.hasMessageContaining(String.valueOf(min));
	}

	@ParameterizedTest
	@CsvSource({ "0.5" })
	void bm25HasNoRelevance(float score) {
		assertThatThrownBy(() -> Relevance.of(MetricType.BM25, score)).isInstanceOf(MilvusUnsupportedException.class)
			.hasMessageContaining("BM25");
	}

	/** The raw score with this relevance (the inverse of the formula). */
	private static float scoreOf(MetricType metric, double relevance) {
		return (float) switch (metric) {
			case COSINE, IP -> 2 * relevance - 1;
			case L2, HAMMING -> 1 / relevance - 1;
			case JACCARD -> 1 - relevance;
			case BM25 -> throw new IllegalArgumentException();
		};
	}

}
