package dev.milvusboot.repository.query;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Score;
import org.springframework.data.domain.ScoringFunction;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.repository.query.Param;

/**
 * The roles of a query method's parameters: the values its filter binds (in order), and the special ones (score,
 * score range, scoring function, limit, sort, page).
 */
final class MilvusMethodParameters {

	private final Class<?>[] types;

	private final List<Integer> valueParameters = new ArrayList<>();

	private final Map<String, Integer> names = new LinkedHashMap<>();

	private int scoreIndex = -1;

	private int scoreRangeIndex = -1;

	private int scoringFunctionIndex = -1;

	MilvusMethodParameters(Method method) {
		this.types = method.getParameterTypes();
		for (int i = 0; i < this.types.length; i++) {
			Class<?> type = this.types[i];
			MethodParameter parameter = new MethodParameter(method, i);
			if (Score.class.isAssignableFrom(type)) {
				this.scoreIndex = i;
			}
			else if (Range.class.isAssignableFrom(type)
					&& Score.class.isAssignableFrom(ResolvableType.forMethodParameter(parameter).getGeneric(0).toClass())) {
				this.scoreRangeIndex = i;
			}
			else if (ScoringFunction.class.isAssignableFrom(type)) {
				this.scoringFunctionIndex = i;
			}
			else if (!Pageable.class.isAssignableFrom(type) && !Sort.class.isAssignableFrom(type)
					&& !Limit.class.isAssignableFrom(type) && !ScrollPosition.class.isAssignableFrom(type)) {
				this.valueParameters.add(i);
				Param param = parameter.getParameterAnnotation(Param.class);
				String name = (param != null) ? param.value() : method.getParameters()[i].isNamePresent()
						? method.getParameters()[i].getName() : null;
				if (name != null) {
					this.names.put(name, i);
				}
			}
		}
	}

	/** The indexes of the parameters whose values filters bind, in order. */
	List<Integer> valueParameters() {
		return this.valueParameters;
	}

	/** The value parameters by name ({@code @Param} or, compiled with {@code -parameters}, the Java name). */
	Map<String, Integer> names() {
		return this.names;
	}

	/** The type of a parameter. */
	Class<?> type(int index) {
		return this.types[index];
	}

	/** The index of the {@code Score} parameter, or -1. */
	int scoreIndex() {
		return this.scoreIndex;
	}

	/** The index of the {@code Range<Score>} ({@code Range<Similarity>}) parameter, or -1. */
	int scoreRangeIndex() {
		return this.scoreRangeIndex;
	}

	/** The index of the {@code ScoringFunction} parameter, or -1. */
	int scoringFunctionIndex() {
		return this.scoringFunctionIndex;
	}

}
