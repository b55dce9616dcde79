package dev.milvusboot.client.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.grpc.KnownLength;
import org.junit.jupiter.api.Test;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.proto.DataType;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.SearchResultData;
import dev.milvusboot.client.internal.proto.StringArray;

import static org.assertj.core.api.Assertions.assertThat;

class WireReaderTest {

	@Test
	void whenTheStreamKnowsItsLengthThenTheBufferFitsTheMessage() {
		assertThat(WireReader.bufferSize(new ByteArrayInputStream(new byte[300]))).isEqualTo(300);
		assertThat(WireReader.bufferSize(new ByteArrayInputStream(new byte[3])))
			.isEqualTo(WireReader.MIN_BUFFER_SIZE);
		assertThat(WireReader.bufferSize(new ByteArrayInputStream(new byte[1 << 20])))
			.isEqualTo(WireReader.BUFFER_SIZE);
	}

	@Test
	void whenTheStreamDoesNotKnowItsLengthThenTheBufferIsTheLargest() {
		// as a decompressing stream does: it tells 1 until its end, whatever it holds
		InputStream inflating = new FilterInputStream(new ByteArrayInputStream(new byte[300])) {

			@Override
			public int available() {
				return 1;
			}

		};
		assertThat(WireReader.bufferSize(inflating)).isEqualTo(WireReader.BUFFER_SIZE);
		assertThat(WireReader.bufferSize(new Underreporting(new byte[300], 0))).isEqualTo(WireReader.BUFFER_SIZE);
		assertThat(WireReader.bufferSize(new KnownLengthStream() {

			@Override
			public int read() {
				return -1;
			}

			@Override
			public int available() throws IOException {
				throw new IOException("closed");
			}

		})).isEqualTo(WireReader.BUFFER_SIZE);
	}

	@Test
	void whenAGrpcMessageStreamKnowsItsLengthThenTheBufferFitsIt() {
		assertThat(WireReader.bufferSize(new KnownLengthStream() {

			@Override
			public int read() {
				return -1;
			}

			@Override
			public int available() {
				return 420;
			}

		})).isEqualTo(420);
	}

	@Test
	void whenTheStreamUnderstatesItsLengthThenLongFieldsAreStillReadWhole() throws IOException {
		int hits = 20;
		List<Long> ids = new ArrayList<>();
		List<Float> scores = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < hits; i++) {
			ids.add(1_000L + i);
			scores.add(1f - i / 100f);
			titles.add(("title " + i + " ").repeat(40)); // each longer than the 64-byte buffer
		}
		byte[] message = dev.milvusboot.client.internal.proto.SearchResults.newBuilder()
			.setResults(SearchResultData.newBuilder()
				.setNumQueries(2)
				.setTopK(10)
				.addAllTopks(List.of(10L, 10L))
				.setIds(IDs.newBuilder().setIntId(LongArray.newBuilder().addAllData(ids)))
				.addAllScores(scores)
				.addFieldsData(FieldData.newBuilder()
					.setType(DataType.VarChar)
					.setFieldName("title")
					.setScalars(ScalarField.newBuilder().setStringData(StringArray.newBuilder().addAllData(titles))))
				.addOutputFields("title"))
			.build()
			.toByteArray();

		SearchResults results = SearchResponse.read(new Underreporting(message, 10)).hits(List.of("title"));

		assertThat(results.size()).isEqualTo(2);
		List<Hit> second = results.hits(1);
		assertThat(second).hasSize(10);
		assertThat(second.get(3).longId()).isEqualTo(1_013L);
		assertThat(second.get(3).score()).isEqualTo(1f - 13 / 100f);
		assertThat(second.get(3).get("title")).isEqualTo(titles.get(13));
	}

	/** An input stream that says it knows its length, as gRPC's message streams do. */
	private abstract static class KnownLengthStream extends InputStream implements KnownLength {

	}

	/** A stream that tells less than it holds, as a stream that does not know its length may. */
	private static final class Underreporting extends ByteArrayInputStream {

		private final int reported;

		Underreporting(byte[] bytes, int reported) {
			super(bytes);
			this.reported = reported;
		}

		@Override
		public synchronized int available() {
			return Math.min(this.reported, super.available());
		}

	}

}
