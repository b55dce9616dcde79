package dev.milvusboot.client;

import java.time.Duration;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * The client's check of duration settings: a bad value is a {@link MilvusInvalidArgumentException} naming the
 * setting. (milvus-local checks its launchers' settings with its own exception type; neither module depends on the
 * other, so each keeps its one check.)
 */
final class Durations {

	private Durations() {
	}

	static Duration requirePositive(Duration value, String name) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new MilvusInvalidArgumentException(name + " must be a positive duration, but was " + value);
		}
		return value;
	}

}
