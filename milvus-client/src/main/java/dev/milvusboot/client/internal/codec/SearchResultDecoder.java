package dev.milvusboot.client.internal.codec;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.SearchResults;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.SearchResultData;

/**
 * Turns a search response into {@link SearchResults} without copying: hits are views over the response's primitive
 * arrays, created when read. Internal API.
 */
public final class SearchResultDecoder {

	private SearchResultDecoder() {
	}

	public static SearchResults decode(SearchResultData data, List<String> requestedFields) {
		int queries = (int) data.getNumQueries();
		int[] offsets = new int[queries + 1];
		for (int q = 0; q < queries; q++) {
			long count = (q < data.getTopksCount()) ? data.getTopks(q) : 0;
			offsets[q + 1] = offsets[q] + (int) count;
		}
		Decoded decoded = new Decoded(data, requestedFields);
		List<List<Hit>> perQuery = new ArrayList<>(queries);
		for (int q = 0; q < queries; q++) {
			perQuery.add(new HitList(decoded, offsets[q], offsets[q + 1] - offsets[q]));
		}
		return new SearchResults(List.copyOf(perQuery));
	}

	/** The decoded columns shared by all hits of one response. */
	private static final class Decoded {

		private final SearchResultData data;

		private final boolean stringIds;

		private final List<ColumnReader> columns;

		private final List<String> requestedFields;

		Decoded(SearchResultData data, List<String> requestedFields) {
			this.data = data;
			this.stringIds = data.getIds().getIdFieldCase() == IDs.IdFieldCase.STR_ID;
			this.columns = new ArrayList<>(data.getFieldsDataCount());
			data.getFieldsDataList().forEach((field) -> this.columns.add(new ColumnReader(field)));
			this.requestedFields = requestedFields;
		}

		Object id(int index) {
			return this.stringIds ? this.data.getIds().getStrId().getData(index)
					: (Object) this.data.getIds().getIntId().getData(index);
		}

		long longId(int index) {
			if (this.stringIds) {
				throw new IllegalStateException("The collection's primary key is a string; use id()");
			}
			return this.data.getIds().getIntId().getData(index);
		}

		Object get(int index, String field) {
			for (ColumnReader column : this.columns) {
				if (!column.isDynamic() && column.name().equals(field)) {
					return column.value(index);
				}
			}
			for (ColumnReader column : this.columns) {
				if (column.isDynamic()) {
					return column.dynamicValues(index).get(field);
				}
			}
			return null;
		}

		Row fields(int index) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (ColumnReader column : this.columns) {
				if (column.isDynamic()) {
					column.dynamicValues(index).forEach((key, value) -> {
						if (this.requestedFields.isEmpty() || this.requestedFields.contains(key)
								|| this.requestedFields.contains("*")) {
							values.putIfAbsent(key, value);
						}
					});
				}
				else {
					values.put(column.name(), column.value(index));
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
			return new ResultHit(this.decoded, this.start + index);
		}

		@Override
		public int size() {
			return this.size;
		}

	}

	private record ResultHit(Decoded decoded, int index) implements Hit {

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
			return this.decoded.data.getScores(this.index);
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
		public String toString() {
			return "Hit[id=" + id() + ", score=" + score() + "]";
		}

	}

}
