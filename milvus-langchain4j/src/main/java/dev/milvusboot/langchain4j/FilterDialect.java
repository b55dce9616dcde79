package dev.milvusboot.langchain4j;

import dev.milvusboot.client.api.sync.MilvusCommands;
import dev.milvusboot.client.data.Query;
import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * What the server's filter language can say about JSON metadata, found by two fixed probe queries when a store
 * opens its collection (measured on Milvus Lite 3.2.2, Milvus Lite 2.5.1 and Milvus 2.3.5):
 * <ul>
 * <li>{@code exists}: on Milvus Lite 3.2 a comparison with a missing key is null, and {@code not} keeps it null, so
 * {@code not (m["k"] == 1)} leaves out entries without {@code k}; there each comparison is written
 * {@code ((exists m["k"]) and (m["k"] == 1))} (parenthesized: Milvus 2.3
 * reads {@code exists a and b} as {@code exists (a and b)}), which is false, not null, for a missing key. Milvus 2.3 has no such nulls
 * ({@code not} of a comparison with a missing key is true), the guard changes nothing there; Milvus Lite 2.5 has
 * neither {@code exists} nor {@code not} over comparisons.</li>
 * <li>infix {@code like}: Milvus 2.3 only matches prefixes ({@code "abc%"}), so ContainsString is unsupported
 * there.</li>
 * </ul>
 * @param hasExists whether {@code exists m["k"]} is understood
 * @param hasInfixLike whether {@code like "%text%"} is understood
 */
record FilterDialect(boolean hasExists, boolean hasInfixLike) {

	/**
	 * Probes the server with two queries on the collection.
	 * @param milvus the client
	 * @param collection the collection
	 * @param idField its primary key field
	 * @param metadataField its JSON metadata field
	 * @return what it understands
	 */
	static FilterDialect probe(MilvusCommands milvus, String collection, String idField, String metadataField) {
		return new FilterDialect(understands(milvus, collection, idField, "exists " + metadataField + "[\"k\"]"),
				understands(milvus, collection, idField, metadataField + "[\"k\"] like \"%k%\""));
	}

	private static boolean understands(MilvusCommands milvus, String collection, String idField, String filter) {
		try {
			milvus.query(Query.in(collection).filter(filter).outputFields(idField).limit(1).build());
			return true;
		}
		catch (MilvusInvalidArgumentException ex) {
			return false;
		}
	}

}
