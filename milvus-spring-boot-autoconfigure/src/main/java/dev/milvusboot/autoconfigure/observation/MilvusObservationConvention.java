package dev.milvusboot.autoconfigure.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for Milvus client operations. Define a bean of this type to replace
 * {@link DefaultMilvusObservationConvention}.
 *
 * @since 0.1.0
 */
public interface MilvusObservationConvention extends ObservationConvention<MilvusObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MilvusObservationContext;
	}

}
