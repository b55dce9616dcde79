package dev.milvusboot.client.internal.codec;

import java.util.List;

import com.google.protobuf.ByteString;

import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.internal.proto.IDs;
import dev.milvusboot.client.internal.proto.LongArray;
import dev.milvusboot.client.internal.proto.PlaceholderGroup;
import dev.milvusboot.client.internal.proto.PlaceholderType;
import dev.milvusboot.client.internal.proto.PlaceholderValue;
import dev.milvusboot.client.internal.proto.StringArray;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * The queries of a search that are not vectors: raw texts (a {@code VarChar} placeholder group, UTF-8, for the
 * output field of a BM25 function) and primary keys (the request's {@code ids}, no placeholder group). Internal
 * API.
 */
final class QueryInputs {

	private QueryInputs() {
	}

	/** The query texts as a serialized placeholder group, after checking the field takes texts. */
	static ByteString texts(Search search, FieldSchema field, CollectionSchema schema) {
		if (field.dataType() != DataType.SPARSE_FLOAT_VECTOR || !isBm25Output(field, schema)) {
			throw new MilvusInvalidArgumentException("Search in collection '" + search.collection() + "': field '"
					+ field.name() + "' is not the output of a BM25 function, so it cannot be searched by text");
		}
		PlaceholderValue.Builder value = PlaceholderValue.newBuilder().setTag("$0").setType(PlaceholderType.VarChar);
		for (String text : search.texts()) {
			value.addValues(ByteString.copyFromUtf8(text));
		}
		return PlaceholderGroup.newBuilder().addPlaceholders(value).build().toByteString();
	}

	/**
	 * Whether a BM25 function fills the field: one the schema lists, or, for a server that describes no functions
	 * (Milvus Lite 2.5), a sparse field marked as a function output (BM25 is the only function making sparse
	 * vectors from text there).
	 */
	private static boolean isBm25Output(FieldSchema field, CollectionSchema schema) {
		if (schema.functions().isEmpty()) {
			return field.isFunctionOutput();
		}
		return schema.functions()
			.stream()
			.anyMatch((function) -> function.isBm25() && function.outputFields().contains(field.name()));
	}

	/** The primary keys searched by, checked against the collection's key type. */
	static IDs ids(Search search, CollectionSchema schema) {
		FieldSchema key = schema.primaryKey();
		List<Object> ids = search.ids();
		boolean strings = key.dataType() == DataType.VARCHAR;
		for (int i = 0; i < ids.size(); i++) {
			if ((ids.get(i) instanceof String) != strings) {
				throw new MilvusInvalidArgumentException("Search in collection '" + search.collection()
						+ "': primary key " + i + " (" + ids.get(i) + ") is not of the type of field '" + key.name()
						+ "' (" + key.dataType() + ")");
			}
		}
		if (strings) {
			return IDs.newBuilder()
				.setStrId(StringArray.newBuilder().addAllData(ids.stream().map(String.class::cast).toList()))
				.build();
		}
		return IDs.newBuilder()
			.setIntId(LongArray.newBuilder().addAllData(ids.stream().map(Long.class::cast).toList()))
			.build();
	}

}
