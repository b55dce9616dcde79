package dev.milvusboot.client;

import java.time.Duration;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

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
