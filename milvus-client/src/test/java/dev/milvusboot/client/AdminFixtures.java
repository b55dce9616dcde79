package dev.milvusboot.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.milvusboot.client.schema.CollectionSchema;

/**
 * Small helpers shared by the administration tests: rows to insert and a listener that records calls.
 */
final class AdminFixtures {

	private AdminFixtures() {
	}

	/** Rows of the quick schema ({@code vector} only, ids chosen by the server). */
	static List<Map<String, ?>> rows(int count, int dimension, long seed) {
		Random random = new Random(seed);
		List<Map<String, ?>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			float[] vector = new float[dimension];
			for (int d = 0; d < dimension; d++) {
				vector[d] = random.nextFloat();
			}
			rows.add(Map.of(CollectionSchema.DEFAULT_VECTOR_FIELD, vector));
		}
		return rows;
	}

	/** Records the operation name of every call sent, successful or not. */
	static final class RecordingListener implements MilvusCallListener {

		private final List<String> operations = new CopyOnWriteArrayList<>();

		@Override
		public Call callStarted(MilvusCallContext context) {
			this.operations.add(context.operation());
			return new Call() {
			};
		}

		List<String> operations() {
			return List.copyOf(this.operations);
		}

		void clear() {
			this.operations.clear();
		}

	}

}
