package dev.milvusboot.client.internal.codec;

import java.util.List;
import java.util.Map;

import dev.milvusboot.client.MilvusClient;
import dev.milvusboot.client.exception.MilvusUnsupportedException;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;

/**
 * Refuses, before sending, rows that leave out a field with a default value when the server tells no version:
 * Milvus Lite 2.5, the one such server we know (it answers neither {@code Connect} nor {@code GetVersion}),
 * crashes with a segmentation fault on such an insert. Servers that tell their version fill the default (Milvus
 * 2.4+) or refuse the row themselves (2.3). Internal API.
 */
public final class MissingDefaults {

	private MissingDefaults() {
	}

	/**
	 * Checks the rows of a write.
	 * @param serverVersion the server's version as the handshake found it, or {@code null} when not known yet
	 * @param upsert whether the rows are upserted
	 * @param schema the collection's schema
	 * @param rows the rows
	 * @throws MilvusUnsupportedException naming the row and field, on a server without a version
	 */
	public static void refuseOnVersionlessServer(String serverVersion, boolean upsert, CollectionSchema schema,
			List<? extends Map<String, ?>> rows) {
		if (!MilvusClient.UNKNOWN_SERVER_VERSION.equals(serverVersion) || rows == null) {
			return;
		}
		for (FieldSchema field : schema.writableFields()) {
			if (field.defaultValue() == null) {
				continue;
			}
			for (int r = 0; r < rows.size(); r++) {
				Map<String, ?> row = rows.get(r);
				if (row != null && row.get(field.name()) == null) {
					throw new MilvusUnsupportedException((upsert ? "Upsert into" : "Insert into") + " collection '"
							+ schema.name() + "': row " + r + " leaves out field '" + field.name()
							+ "', which has a default value; this server tells no version (Milvus Lite 2.5), and Milvus"
							+ " Lite 2.5 crashes on such a row. Give the field a value");
				}
			}
		}
	}

}
