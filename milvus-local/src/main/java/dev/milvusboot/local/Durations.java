package dev.milvusboot.local;

import java.time.Duration;
import java.util.Objects;

/** Argument checks for durations. */
final class Durations {

	private Durations() {
	}

	static Duration requirePositive(Duration duration, String what) {
		Objects.requireNonNull(duration, what);
		if (duration.isNegative() || duration.isZero()) {
			throw new MilvusLocalException(MilvusLocalException.Reason.INVALID_ARGUMENT,
					what + " must be positive, but was " + duration);
		}
		return duration;
	}

}
