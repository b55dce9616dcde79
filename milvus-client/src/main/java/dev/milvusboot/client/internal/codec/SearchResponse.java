package dev.milvusboot.client.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import io.grpc.MethodDescriptor.Marshaller;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.proto.FieldData;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.ScalarField;
import dev.milvusboot.client.internal.proto.SearchResultData;
import dev.milvusboot.client.internal.proto.StringArray;

/**
 * A search response read from the wire into exact-size primitive arrays: ids, scores, topks and int64 columns as
 * {@code long[]}/{@code float[]}, varchar columns as {@code String[]}. Protobuf's parser grows a boxed-capable
 * list per repeated field (1.5 times at a time, one call per element) and decodes strings through its own UTF-8
 * path; here each array is allocated once (the hit count is known from {@code num_queries × top_k} before the
 * columns arrive) and strings come from the JDK's decoder. Anything else is merged by the generated code, so
 * nothing is lost: such columns are served by {@link ColumnReader} as before. Over 300 lines on purpose: the
 * streaming reader and the hit views over its arrays share the arrays' layout, which one file keeps together.
 * Internal API.
 */
public final class SearchResponse {

	private static final Marshaller<SearchResponse> MARSHALLER = new ReceivedOnly<>("Search results",
			SearchResponse::read);

	private final SearchResultData rest;

	private final long[] topks;

	private final int topkCount;

	private final float[] scores;

	private final long[] intIds;

	private final String[] stringIds;

	private final List<Column> columns;

	private final dev.milvusboot.client.internal.proto.Status status;

	private SearchResponse(Reader reader) {
		this.rest = reader.rest.build();
		this.topks = reader.topks;
		this.topkCount = reader.topkCount;
		this.scores = reader.scores;
		this.intIds = reader.intIds;
		this.stringIds = reader.stringIds;
		this.columns = reader.columns;
		this.status = reader.status;
	}

	/** The response status. */
	public dev.milvusboot.client.internal.proto.Status status() {
		return this.status;
	}

	/** The gRPC marshaller of search responses read this way. */
	public static Marshaller<SearchResponse> marshaller() {
		return MARSHALLER;
	}

	/** Reads a serialized {@code SearchResults}. */
	public static SearchResponse read(InputStream stream) throws IOException {
		Reader reader = new Reader(new WireReader(stream));
		reader.readSearchResults();
		return new SearchResponse(reader);
	}

	/** The hits of each query, best first, read from the arrays without copying. */
	public SearchResults hits(List<String> requestedFields) {
		int queries = (int) this.rest.getNumQueries();
		Decoded decoded = new Decoded(this, requestedFields);
		List<List<Hit>> perQuery = new ArrayList<>(queries);
		int start = 0;
		for (int q = 0; q < queries; q++) {
			int count = (q < this.topkCount) ? (int) this.topks[q] : 0;
			perQuery.add(new HitList(decoded, start, count));
			start += count;
		}
		return new SearchResults(List.copyOf(perQuery));
	}

	/** One output column: fast arrays, or the generic reader. */
	private static final class Column {

		String name;

		boolean dynamic;

		long[] longs;

		String[] strings;

		ColumnReader reader;

		Object value(int index) {
			if (this.longs != null) {
				return this.longs[index];
			}
			if (this.strings != null) {
				return this.strings[index];
			}
			return this.reader.value(index);
		}

	}

	/** The reading state. */
	private static final class Reader {

		private static final long[] NO_LONGS = new long[0];

		final WireReader in;

		final SearchResultData.Builder rest = SearchResultData.newBuilder();

		dev.milvusboot.client.internal.proto.Status status = dev.milvusboot.client.internal.proto.Status
			.getDefaultInstance();

		long numQueries;

		long topK;

		long[] topks = NO_LONGS;

		int topkCount;

		float[] scores = new float[0];

		long[] intIds;

		String[] stringIds;

		final List<Column> columns = new ArrayList<>();

		private final int[] count = new int[1];

		Reader(WireReader in) {
			this.in = in;
		}

		/** An upper bound of the hits, known once num_queries and top_k have arrived (they come first). */
		int expectedHits() {
			long hits = this.numQueries * this.topK;
			return (hits > 0 && hits < (1 << 24)) ? (int) hits : 16;
		}

		void readSearchResults() throws IOException {
			dev.milvusboot.client.internal.proto.SearchResults.Builder other = null;
			int tag;
			while ((tag = this.in.readTag()) != 0) {
				if (tag == QueryResponse.tag(2, WireReader.LENGTH_DELIMITED)) {
					int length = this.in.readLength();
					readResultData(this.in.position() + length);
				}
				else {
					if (other == null) {
						other = dev.milvusboot.client.internal.proto.SearchResults.newBuilder();
					}
					other.mergeFrom(this.in.readField(tag));
				}
			}
			if (other != null) {
				this.status = other.getStatus();
			}
		}

		private void readResultData(long end) throws IOException {
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				switch (tag) {
					case (1 << 3) -> {
						this.numQueries = this.in.readVarint();
						this.rest.setNumQueries(this.numQueries);
					}
					case (2 << 3) -> {
						this.topK = this.in.readVarint();
						this.rest.setTopK(this.topK);
					}
					case (3 << 3) | WireReader.LENGTH_DELIMITED -> {
						int length = this.in.readLength();
						this.columns.add(readColumn(this.in.position() + length));
					}
					case (4 << 3) | WireReader.LENGTH_DELIMITED -> {
						int n = this.in.readLength() / 4;
						int from = this.scores.length;
						this.scores = Arrays.copyOf(this.scores, from + n);
						this.in.readFloats(this.scores, from, n);
					}
					case (5 << 3) | WireReader.LENGTH_DELIMITED -> {
						int length = this.in.readLength();
						readIds(this.in.position() + length);
					}
					case (6 << 3) | WireReader.LENGTH_DELIMITED -> {
						int length = this.in.readLength();
						this.topks = this.in.readPackedVarints(this.in.position() + length,
								(this.topkCount == 0) ? new long[(int) Math.min(Math.max(this.numQueries, 1), 1 << 20)]
										: this.topks,
								this.topkCount, this.count);
						this.topkCount = this.count[0];
					}
					default -> this.rest.mergeFrom(this.in.readField(tag));
				}
			}
		}

		private void readIds(long end) throws IOException {
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				if (tag == QueryResponse.tag(1, WireReader.LENGTH_DELIMITED)) {
					long limit = this.in.readEnd();
					this.intIds = readLongArray(limit);
				}
				else if (tag == QueryResponse.tag(2, WireReader.LENGTH_DELIMITED)) {
					long limit = this.in.readEnd();
					this.stringIds = readStringArray(limit);
				}
				else {
					this.rest.getIdsBuilder().mergeFrom(this.in.readField(tag));
				}
			}
		}

		/** A LongArray message up to {@code end}: its packed data, exactly sized. */
		private long[] readLongArray(long end) throws IOException {
			long[] values = new long[expectedHits()];
			int n = 0;
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				if (tag == QueryResponse.tag(1, WireReader.LENGTH_DELIMITED)) {
					long limit = this.in.readEnd();
					values = this.in.readPackedVarints(limit, values, n, this.count);
					n = this.count[0];
				}
				else if (tag == QueryResponse.tag(1, WireReader.VARINT)) {
					if (n == values.length) {
						values = Arrays.copyOf(values, n + 16);
					}
					values[n++] = this.in.readVarint();
				}
				else {
					this.in.readField(tag);
				}
			}
			return (n == values.length) ? values : Arrays.copyOf(values, n);
		}

		/** A StringArray message up to {@code end}. */
		private String[] readStringArray(long end) throws IOException {
			String[] values = new String[expectedHits()];
			int n = 0;
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				if (tag == QueryResponse.tag(1, WireReader.LENGTH_DELIMITED)) {
					if (n == values.length) {
						values = Arrays.copyOf(values, n + (n >> 1) + 16);
					}
					values[n++] = this.in.readString(this.in.readLength());
				}
				else {
					this.in.readField(tag);
				}
			}
			return (n == values.length) ? values : Arrays.copyOf(values, n);
		}

		private Column readColumn(long end) throws IOException {
			Column column = new Column();
			FieldData.Builder generic = FieldData.newBuilder();
			boolean plain = true;
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				if (tag == QueryResponse.tag(2, WireReader.LENGTH_DELIMITED)) {
					column.name = this.in.readString(this.in.readLength());
					generic.setFieldName(column.name);
				}
				else if (tag == QueryResponse.tag(3, WireReader.LENGTH_DELIMITED)) {
					long limit = this.in.readEnd();
					plain &= readScalars(limit, column, generic);
				}
				else if (tag == QueryResponse.tag(6, WireReader.VARINT)) {
					column.dynamic = this.in.readVarint() != 0;
					generic.setIsDynamic(column.dynamic);
				}
				else if (tag == QueryResponse.tag(1, WireReader.VARINT)
						|| tag == QueryResponse.tag(5, WireReader.VARINT)) {
					generic.mergeFrom(this.in.readField(tag));
				}
				else {
					plain = false;
					generic.mergeFrom(this.in.readField(tag));
				}
			}
			column.dynamic |= "$meta".equals(column.name);
			if (!plain || column.dynamic || (column.longs == null && column.strings == null)) {
				// Not the common case: hand everything to the generic reader. (Only touch the scalars when there
				// are some: asking for their builder would turn a vector column into an empty scalar one.)
				ScalarField.Builder scalars = (column.longs != null || column.strings != null)
						? generic.getScalarsBuilder() : null;
				if (column.longs != null) {
					LongArray.Builder longs = LongArray.newBuilder();
					for (long value : column.longs) {
						longs.addData(value);
					}
					scalars.setLongData(longs);
				}
				if (column.strings != null) {
					scalars.setStringData(StringArray.newBuilder().addAllData(Arrays.asList(column.strings)));
				}
				column.longs = null;
				column.strings = null;
				column.reader = new ColumnReader(generic.build());
			}
			return column;
		}

		/** Reads a ScalarField; true if it held only int64 or varchar data. */
		private boolean readScalars(long end, Column column, FieldData.Builder generic) throws IOException {
			boolean plain = true;
			while (this.in.position() < end) {
				int tag = this.in.readTag();
				if (tag == QueryResponse.tag(3, WireReader.LENGTH_DELIMITED) && column.strings == null) {
					column.longs = readLongArray(this.in.readEnd());
				}
				else if (tag == QueryResponse.tag(6, WireReader.LENGTH_DELIMITED) && column.longs == null) {
					column.strings = readStringArray(this.in.readEnd());
				}
				else {
					plain = false;
					generic.getScalarsBuilder().mergeFrom(this.in.readField(tag));
				}
			}
			return plain;
		}

	}

	/** The columns shared by all hits of one response. */
	private static final class Decoded {

		final SearchResponse results;

		final Column[] columns;

		final List<String> requestedFields;

		final ColumnReader groupValues;

		final List<dev.milvusboot.client.internal.proto.HighlightResult> highlights;

		Decoded(SearchResponse results, List<String> requestedFields) {
			this.results = results;
			this.columns = results.columns.toArray(new Column[0]);
			this.requestedFields = requestedFields;
			this.groupValues = results.rest.hasGroupByFieldValue()
					? new ColumnReader(results.rest.getGroupByFieldValue()) : null;
			this.highlights = results.rest.getHighlightResultsList();
		}

		Object groupValue(int index) {
			return (this.groupValues != null) ? this.groupValues.value(index) : null;
		}

		List<String> highlights(int index, String field) {
			for (dev.milvusboot.client.internal.proto.HighlightResult result : this.highlights) {
				if (result.getFieldName().equals(field) && index < result.getDatasCount()) {
					return List.copyOf(result.getDatas(index).getFragmentsList());
				}
			}
			return List.of();
		}

		Object id(int index) {
			return (this.results.stringIds != null) ? this.results.stringIds[index] : (Object) this.results.intIds[index];
		}

		long longId(int index) {
			if (this.results.intIds == null) {
				throw new IllegalStateException("The collection's primary key is a string; use id()");
			}
			return this.results.intIds[index];
		}

		Object get(int index, String field) {
			for (Column column : this.columns) {
				if (!column.dynamic && column.name.equals(field)) {
					return column.value(index);
				}
			}
			for (Column column : this.columns) {
				if (column.dynamic) {
					return column.reader.dynamicValues(index).get(field);
				}
			}
			return null;
		}

		Row fields(int index) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (Column column : this.columns) {
				if (column.dynamic) {
					column.reader.dynamicValues(index).forEach((key, value) -> {
						if (this.requestedFields.isEmpty() || this.requestedFields.contains(key)
								|| this.requestedFields.contains("*")) {
							values.putIfAbsent(key, value);
						}
					});
				}
				else {
					values.put(column.name, column.value(index));
				}
			}
			return Row.of(values);
		}

	}

	private static final class HitList extends AbstractList<Hit> implements RandomAccess {

		private final Decoded decoded;

		private final int start;

		private final int size;

		HitList(Decoded decoded, int start, int size) {
			this.decoded = decoded;
			this.start = start;
			this.size = size;
		}

		@Override
		public Hit get(int index) {
			if (index < 0 || index >= this.size) {
				throw new IndexOutOfBoundsException("Hit " + index + " of " + this.size);
			}
			return new LeanHit(this.decoded, this.start + index);
		}

		@Override
		public int size() {
			return this.size;
		}

	}

	private record LeanHit(Decoded decoded, int index) implements Hit {

		@Override
		public Object id() {
			return this.decoded.id(this.index);
		}

		@Override
		public long longId() {
			return this.decoded.longId(this.index);
		}

		@Override
		public float score() {
			return this.decoded.results.scores[this.index];
		}

		@Override
		public Object get(String field) {
			return this.decoded.get(this.index, field);
		}

		@Override
		public Row fields() {
			return this.decoded.fields(this.index);
		}

		@Override
		public Object groupValue() {
			return this.decoded.groupValue(this.index);
		}

		@Override
		public List<String> highlights(String field) {
			return this.decoded.highlights(this.index, field);
		}

		@Override
		public String toString() {
			return "Hit[id=" + id() + ", score=" + score() + "]";
		}

	}

}
