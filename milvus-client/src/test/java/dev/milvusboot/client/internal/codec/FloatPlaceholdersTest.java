package dev.milvusboot.client.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderType;
import dev.milvusboot.client.internal.proto.PlaceholderValue;
import dev.milvusboot.client.schema.FieldSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The float query vectors written straight into the placeholder group's bytes: byte for byte what protobuf writes
 * for the same group, for small and large vectors and several of them (lengths of one and more varint bytes).
 */
class FloatPlaceholdersTest {

	@Test
	void theBytesAreThoseProtobufWrites() {
		SplittableRandom random = new SplittableRandom(3);
		for (int dim : new int[] { 1, 3, 31, 32, 128, 768, 4096 }) {
			for (int count : new int[] { 1, 2, 5 }) {
				float[][] vectors = new float[count][dim];
				for (float[] vector : vectors) {
					for (int i = 0; i < dim; i++) {
						vector[i] = (float) (random.nextDouble() * 2 - 1);
					}
				}
				assertThat(SearchEncoder.floatPlaceholders(vectors).toByteArray())
					.as("%d vectors of %d dims", count, dim)
					.isEqualTo(withProtobuf(vectors).toByteArray());
			}
		}
	}

	@Test
	void aSearchSendsItsVectorsThisWay() throws Exception {
		float[] vector = { 0.5f, -1, 2 };
		ByteString sent = SearchEncoder.placeholders(Search.in("docs").vector(vector).build(),
				FieldSchema.floatVector("vector", 3));
		PlaceholderValue value = PlaceholderGroup.parseFrom(sent).getPlaceholders(0);
		assertThat(value.getTag()).isEqualTo("$0");
		assertThat(value.getType()).isEqualTo(PlaceholderType.FloatVector);
		float[] read = new float[3];
		value.getValues(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(read);
		assertThat(read).containsExactly(vector);
	}

	@Test
	void aVectorOfAnotherDimensionIsStillRefused() {
		assertThatExceptionOfType(MilvusInvalidArgumentException.class)
			.isThrownBy(() -> SearchEncoder.placeholders(
					Search.in("docs").vectors(java.util.List.of(new float[] { 1, 2, 3 }, new float[] { 1, 2 })).build(),
					FieldSchema.floatVector("vector", 3)))
			.withMessageContaining("query vector 1 has 2 values, but field 'vector' has dimension 3");
	}

	private static ByteString withProtobuf(float[][] vectors) {
		PlaceholderValue.Builder value = PlaceholderValue.newBuilder()
			.setTag("$0")
			.setType(PlaceholderType.FloatVector);
		for (float[] vector : vectors) {
			ByteBuffer bytes = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
			bytes.asFloatBuffer().put(vector);
			value.addValues(ByteString.copyFrom(bytes.array()));
		}
		return PlaceholderGroup.newBuilder().addPlaceholders(value).build().toByteString();
	}

}
