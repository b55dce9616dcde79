package dev.milvusboot.client.internal.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.UnsafeByteOperations;
import com.google.protobuf.WireFormat;

import dev.milvusboot.client.data.Search;

import dev.milvusboot.client.data.SparseVector;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.DslType;
import dev.milvusboot.client.internal.proto.KeyValuePair;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderType;
import dev.milvusboot.client.internal.proto.PlaceholderValue;
import dev.milvusboot.client.internal.proto.SearchRequest;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.ConsistencyLevel;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * Builds search requests: the query vectors as one placeholder group (float vectors as little-endian float32
 * bytes, written once), and the search parameters both at the top level and inside {@code params} JSON, since
 * Milvus before 2.5.1 reads the latter and later versions the former. Internal API.
 */
public final class SearchEncoder {

	/** The fields of the placeholder value before its vectors: tag {@code "$0"} and type FloatVector. */
	private static final byte[] PLACEHOLDER_HEAD = PlaceholderValue.newBuilder()
		.setTag("$0")
		.setType(PlaceholderType.FloatVector)
		.build()
		.toByteArray();

	private SearchEncoder() {
	}

	/**
	 * Builds the request, with the filter's parameters rendered as literals.
	 * @param search the search
	 * @param schema the collection's schema
	 * @param guaranteeTimestamp the timestamp to read at for session consistency ({@code 0} for none)
	 * @return the request
	 */
	public static SearchRequest encode(Search search, CollectionSchema schema, long guaranteeTimestamp) {
		return encode(search, schema, guaranteeTimestamp, false);
	}

	/**
	 * Builds the request.
	 * @param search the search
	 * @param schema the collection's schema
	 * @param guaranteeTimestamp the timestamp to read at for session consistency ({@code 0} for none)
	 * @param templates whether the filter's parameters are sent as template values (else rendered as literals)
	 * @return the request
	 */
	public static SearchRequest encode(Search search, CollectionSchema schema, long guaranteeTimestamp,
			boolean templates) {
		FilterSyntax.check(search.filter().expression(), "search in collection '" + search.collection() + "'");
		FieldSchema field = vectorField(search, schema);
		SearchRequest.Builder request = SearchRequest.newBuilder()
			.setCollectionName(search.collection())
			.addAllPartitionNames(search.partitions());
		EncodedFilter filter = EncodedFilter.of(search.filter(), templates);
		request.setDsl(filter.expression())
			.putAllExprTemplateValues(filter.values())
			.setDslType(DslType.BoolExprV1)
			.addAllOutputFields(search.outputFields())
			.setNq(search.queryCount());
		if (search.ids().isEmpty()) {
			request.setPlaceholderGroup(search.texts().isEmpty() ? placeholders(search, field)
					: QueryInputs.texts(search, field, schema));
		}
		else {
			request.setIds(QueryInputs.ids(search, schema));
		}
		if (!search.rankers().isEmpty()) {
			request.setFunctionScore(RankerEncoder.functionScore(search.rankers()));
		}
		if (search.highlighter() != null) {
			request.setHighlighter(RankerEncoder.highlighter(search.highlighter()));
		}
		applyConsistency(search.consistency(), guaranteeTimestamp, request::setConsistencyLevel,
				request::setGuaranteeTimestamp, request::setUseDefaultConsistency);
		request.addAllSearchParams(SearchParameters.of(search, field.name()));
		return request.build();
	}

	/**
	 * Builds a hybrid search request: each sub-search as a search request of its own, merged by the ranker.
	 * @param search the hybrid search
	 * @param schema the collection's schema
	 * @param guaranteeTimestamp the timestamp to read at for session consistency ({@code 0} for none)
	 * @param templates whether the filters' parameters are sent as template values (else rendered as literals)
	 * @return the request
	 */
	public static dev.milvusboot.client.internal.proto.HybridSearchRequest encode(
			dev.milvusboot.client.data.HybridSearch search, CollectionSchema schema, long guaranteeTimestamp,
			boolean templates) {
		dev.milvusboot.client.internal.proto.HybridSearchRequest.Builder request = dev.milvusboot.client.internal.proto.HybridSearchRequest
			.newBuilder()
			.setCollectionName(search.collection())
			.addAllPartitionNames(search.partitions())
			.addAllOutputFields(search.outputFields());
		for (Search sub : search.searches()) {
			request.addRequests(encode(sub, schema, guaranteeTimestamp, templates));
		}
		applyConsistency(search.consistency(), guaranteeTimestamp, request::setConsistencyLevel,
				request::setGuaranteeTimestamp, request::setUseDefaultConsistency);
		Map<String, String> rank = RankerEncoder.rankParams(search.ranker());
		rank.put("limit", Integer.toString(search.topK()));
		rank.put("round_decimal", "-1");
		rank.put("offset", Integer.toString(search.offset()));
		putGrouping(rank, search.groupByField(), search.groupSize(), search.strictGroupSize());
		if (search.ranker() instanceof dev.milvusboot.client.data.rank.FunctionRanker function) {
			request.setFunctionScore(RankerEncoder.functionScore(List.of(function)));
		}
		rank.forEach((key, value) -> request.addRankParams(KeyValuePair.newBuilder().setKey(key).setValue(value)));
		return request.build();
	}

	/** The grouping parameters of a search or a hybrid search, named as pymilvus names them; unset ones left out. */
	static void putGrouping(Map<String, String> params, String field, int groupSize, Boolean strict) {
		if (field != null) {
			params.put("group_by_field", field);
		}
		if (groupSize > 0) {
			params.put("group_size", Integer.toString(groupSize));
		}
		if (strict != null) {
			params.put("strict_group_size", RankerEncoder.bool(strict));
		}
	}

	/**
	 * Sets consistency fields the same way for searches and queries: an explicit level is sent as such; none means
	 * read-your-writes (session consistency at the last write this client made to the collection).
	 */
	public static void applyConsistency(ConsistencyLevel level, long lastWrite,
			java.util.function.Consumer<dev.milvusboot.client.internal.proto.ConsistencyLevel> setLevel,
			java.util.function.LongConsumer setGuarantee, java.util.function.Consumer<Boolean> setUseDefault) {
		ConsistencyLevel effective = (level != null) ? level : ConsistencyLevel.SESSION;
		setUseDefault.accept(false);
		switch (effective) {
			case STRONG -> {
				setLevel.accept(dev.milvusboot.client.internal.proto.ConsistencyLevel.Strong);
				setGuarantee.accept(0);
			}
			case SESSION -> {
				if (lastWrite < 0) {
					// The last write's timestamp is unknown: only strong consistency is sure to see it.
					setLevel.accept(dev.milvusboot.client.internal.proto.ConsistencyLevel.Strong);
					setGuarantee.accept(0);
				}
				else {
					setLevel.accept(dev.milvusboot.client.internal.proto.ConsistencyLevel.Session);
					setGuarantee.accept((lastWrite > 0) ? lastWrite : 1);
				}
			}
			case BOUNDED -> {
				setLevel.accept(dev.milvusboot.client.internal.proto.ConsistencyLevel.Bounded);
				setGuarantee.accept(2);
			}
			case EVENTUALLY -> {
				setLevel.accept(dev.milvusboot.client.internal.proto.ConsistencyLevel.Eventually);
				setGuarantee.accept(1);
			}
		}
	}

	static String paramText(Object value) {
		if (value instanceof Map<?, ?> || value instanceof List<?>) {
			return Json.write(value, "a search parameter");
		}
		return String.valueOf(value);
	}

	private static FieldSchema vectorField(Search search, CollectionSchema schema) {
		if (search.annsField() == null) {
			return schema.vectorField();
		}
		FieldSchema field = schema.field(search.annsField());
		if (field == null || !field.dataType().isVector()) {
			throw new MilvusInvalidArgumentException("Search in collection '" + search.collection() + "': '"
					+ search.annsField() + "' is not a vector field; its vector fields are "
					+ schema.vectorFields().stream().map(FieldSchema::name).toList());
		}
		return field;
	}

	/** The query vectors as a serialized placeholder group, checked against the field. */
	public static ByteString placeholders(Search search, FieldSchema field) {
		List<Object> vectors = search.vectors();
		if (field.dataType() == DataType.FLOAT_VECTOR) {
			float[][] floats = new float[vectors.size()][];
			for (int i = 0; i < floats.length; i++) {
				floats[i] = floatVector(search, field, vectors.get(i), i);
			}
			return floatPlaceholders(floats);
		}
		PlaceholderValue.Builder value = PlaceholderValue.newBuilder().setTag("$0");
		switch (field.dataType()) {
			case SPARSE_FLOAT_VECTOR -> {
				value.setType(PlaceholderType.SparseFloatVector);
				for (int i = 0; i < vectors.size(); i++) {
					if (!(vectors.get(i) instanceof SparseVector sparse)) {
						throw wrongVector(search, field, i, "a SparseVector");
					}
					value.addValues(RowEncoder.sparseBytes(sparse));
				}
			}
			case BINARY_VECTOR, FLOAT16_VECTOR, BFLOAT16_VECTOR, INT8_VECTOR -> {
				value.setType(switch (field.dataType()) {
					case BINARY_VECTOR -> PlaceholderType.BinaryVector;
					case FLOAT16_VECTOR -> PlaceholderType.Float16Vector;
					case BFLOAT16_VECTOR -> PlaceholderType.BFloat16Vector;
					default -> PlaceholderType.Int8Vector;
				});
				for (int i = 0; i < vectors.size(); i++) {
					Object vector = vectors.get(i);
					byte[] bytes;
					if (vector instanceof byte[] raw) {
						bytes = raw;
					}
					else if (vector instanceof float[] floats && (field.dataType() == DataType.FLOAT16_VECTOR
							|| field.dataType() == DataType.BFLOAT16_VECTOR)) {
						bytes = HalfFloats.encode(floats, field.dataType() == DataType.BFLOAT16_VECTOR,
								"query vector " + i);
					}
					else {
						throw wrongVector(search, field, i, "a byte[]");
					}
					value.addValues(ByteString.copyFrom(bytes));
				}
			}
			default -> throw new MilvusInvalidArgumentException("Search in collection '" + search.collection()
					+ "': field '" + field.name() + "' of type " + field.dataType() + " cannot be searched");
		}
		return PlaceholderGroup.newBuilder().addPlaceholders(value).build().toByteString();
	}

	/**
	 * The placeholder group of float query vectors, written straight into one array: the bytes protobuf would write
	 * for {@code PlaceholderGroup{placeholders: [{tag: "$0", type: FloatVector, values: [little-endian float32 of
	 * each vector]}]}}, without a copy of each vector and a builder in between.
	 */
	static ByteString floatPlaceholders(float[][] vectors) {
		int values = 0;
		for (float[] vector : vectors) {
			int length = vector.length * 4;
			values += 1 + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
		}
		int value = PLACEHOLDER_HEAD.length + values;
		byte[] bytes = new byte[1 + CodedOutputStream.computeUInt32SizeNoTag(value) + value];
		ByteBuffer out = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		out.put((byte) (1 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)); // placeholders, field 1
		putVarint(out, value);
		out.put(PLACEHOLDER_HEAD);
		for (float[] vector : vectors) {
			out.put((byte) (3 << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED)); // values, field 3
			putVarint(out, vector.length * 4);
			out.asFloatBuffer().put(vector);
			out.position(out.position() + vector.length * 4);
		}
		if (out.hasRemaining()) {
			throw new IllegalStateException("Query vectors encoded short by " + out.remaining() + " bytes");
		}
		return UnsafeByteOperations.unsafeWrap(bytes);
	}

	private static void putVarint(ByteBuffer out, int value) {
		int rest = value;
		while ((rest & ~0x7F) != 0) {
			out.put((byte) ((rest & 0x7F) | 0x80));
			rest >>>= 7;
		}
		out.put((byte) rest);
	}

	private static float[] floatVector(Search search, FieldSchema field, Object vector, int index) {
		if (!(vector instanceof float[] floats)) {
			throw wrongVector(search, field, index, "a float[]");
		}
		if (floats.length != field.dimension()) {
			throw new MilvusInvalidArgumentException("Search in collection '" + search.collection() + "': query vector "
					+ index + " has " + floats.length + " values, but field '" + field.name() + "' has dimension "
					+ field.dimension());
		}
		return floats;
	}

	private static MilvusInvalidArgumentException wrongVector(Search search, FieldSchema field, int index,
			String expected) {
		return new MilvusInvalidArgumentException("Search in collection '" + search.collection() + "': query vector "
				+ index + " must be " + expected + " for field '" + field.name() + "' (" + field.dataType() + ")");
	}

}
