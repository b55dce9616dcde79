package dev.milvusboot.autoconfigure.observation;

import dev.milvusboot.autoconfigure.observation.MilvusObservationDocumentation.HighCardinalityKeyNames;
import dev.milvusboot.autoconfigure.observation.MilvusObservationDocumentation.LowCardinalityKeyNames;
import dev.milvusboot.client.exception.MilvusException;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * Default {@link MilvusObservationConvention}: observation {@value #NAME} (so a timer of that name), tagged with the
 * operation, the outcome, the error code and the exception type; the collection is a tag only when asked for,
 * otherwise a span attribute, since applications with many collections would otherwise create many timers.
 *
 * @since 0.1.0
 */
public class DefaultMilvusObservationConvention implements MilvusObservationConvention {

	/**
	 * Name of the observation, and of the timer it gives.
	 */
	public static final String NAME = "milvus.client.operations";

	private static final String NONE = "none";

	private final boolean collectionTag;

	/**
	 * Creates a convention that leaves the collection out of the low-cardinality keys.
	 */
	public DefaultMilvusObservationConvention() {
		this(false);
	}

	/**
	 * Creates a convention.
	 * @param collectionTag whether the collection is a low-cardinality key (a tag of the timer)
	 */
	public DefaultMilvusObservationConvention(boolean collectionTag) {
		this.collectionTag = collectionTag;
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(MilvusObservationContext context) {
		return (context.getCollection() != null) ? context.getOperation() + " " + context.getCollection()
				: context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MilvusObservationContext context) {
		Throwable error = context.getError();
		KeyValues keyValues = KeyValues.of(LowCardinalityKeyNames.OPERATION.withValue(context.getOperation()),
				LowCardinalityKeyNames.OUTCOME.withValue((error != null) ? "error" : "success"),
				LowCardinalityKeyNames.ERROR_CODE.withValue(errorCode(error)),
				LowCardinalityKeyNames.EXCEPTION.withValue((error != null) ? error.getClass().getSimpleName() : NONE));
		if (this.collectionTag) {
			String collection = context.getCollection();
			keyValues = keyValues.and(LowCardinalityKeyNames.COLLECTION.withValue((collection != null) ? collection : NONE));
		}
		return keyValues;
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MilvusObservationContext context) {
		String database = context.getDatabase();
		KeyValues keyValues = KeyValues.of(
				HighCardinalityKeyNames.DATABASE.withValue((database != null) ? database : "default"),
				HighCardinalityKeyNames.SERVER_ADDRESS.withValue(context.getEndpoint().host()),
				HighCardinalityKeyNames.SERVER_PORT.withValue(String.valueOf(context.getEndpoint().port())));
		if (!this.collectionTag && context.getCollection() != null) {
			keyValues = keyValues.and(HighCardinalityKeyNames.COLLECTION_NAME.withValue(context.getCollection()));
		}
		return keyValues;
	}

	private static String errorCode(@Nullable Throwable error) {
		if (error == null) {
			return NONE;
		}
		if (error instanceof MilvusException ex) {
			if (ex.errorCode() != 0) {
				return String.valueOf(ex.errorCode());
			}
			return ex.grpcCode();
		}
		return "UNKNOWN";
	}

}
