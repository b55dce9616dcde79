package dev.milvusboot.client.internal.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * Encodes a partial upsert as pymilvus 3.0 does ({@code upsert(..., partial_update=True)}): only the fields the
 * rows hold are sent, each as a full column, with {@code partial_update} set; the server keeps the other fields of
 * the stored rows. Every row must hold its primary key and the same fields as the first row (a column cannot have
 * gaps). Internal API.
 */
public final class PartialRows {

	private static final String VERB = "Partial upsert into";

	private PartialRows() {
	}

	/**
	 * Checks and encodes rows of a partial upsert.
	 * @param partition the partition, or {@code null}
	 * @param schema the collection's schema
	 * @param rows the rows, each with the primary key and the same fields
	 * @param maxRequestSize the largest request to send, in bytes
	 * @return the batches, in row order
	 * @throws MilvusInvalidArgumentException naming the row and field at fault
	 */
	public static List<EncodedWrite> encode(String partition, CollectionSchema schema,
			List<? extends Map<String, ?>> rows, long maxRequestSize) {
		String collection = schema.name();
		if (rows == null || rows.isEmpty()) {
			throw new MilvusInvalidArgumentException(VERB + " collection '" + collection + "' needs at least one row");
		}
		String key = schema.primaryKey().name();
		Set<String> sent = null;
		for (int r = 0; r < rows.size(); r++) {
			Map<String, ?> row = rows.get(r);
			if (row == null) {
				throw new MilvusInvalidArgumentException(VERB + " collection '" + collection + "': row " + r + " is null");
			}
			if (row.get(key) == null) {
				throw new MilvusInvalidArgumentException(VERB + " collection '" + collection + "': row " + r
						+ " has no value for the primary key '" + key + "'; a partial upsert finds the row to change by it");
			}
			Set<String> fields = schemaFieldsOf(schema, row);
			if (sent == null) {
				sent = fields;
			}
			else if (!sent.equals(fields)) {
				throw new MilvusInvalidArgumentException(VERB + " collection '" + collection + "': row " + r
						+ " has the fields " + fields + ", but row 0 has " + sent
						+ "; every row of a partial upsert sends the same fields");
			}
		}
		List<FieldSchema> fields = new ArrayList<>();
		for (FieldSchema field : schema.fields()) {
			if (sent.contains(field.name())) {
				fields.add(field);
			}
		}
		List<EncodedWrite> batches = RowEncoder.encodeFields(VERB, true, partition, schema, fields, rows,
				maxRequestSize);
		return batches.stream().map(EncodedWrite::withPartialUpdate).toList();
	}

	private static Set<String> schemaFieldsOf(CollectionSchema schema, Map<String, ?> row) {
		Set<String> fields = new LinkedHashSet<>();
		for (FieldSchema field : schema.fields()) {
			if (row.containsKey(field.name())) {
				fields.add(field.name());
			}
		}
		return fields;
	}

}
