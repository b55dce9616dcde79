package dev.milvusboot.sample.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.DataType;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.core.MilvusTemplate;
import dev.milvusboot.core.mapping.EntityMapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code documents} collection (with its index, loaded) from {@link Document} unless it exists, and
 * refuses to start on one whose fields differ from the entity's, such as one an earlier version of the sample
 * created without the fields filters use: it names them and says how to start afresh, rather than failing on the
 * first request.
 */
@Component
final class DocumentCollection implements InitializingBean {

	private static final Log logger = LogFactory.getLog(DocumentCollection.class);

	private final MilvusTemplate template;

	DocumentCollection(MilvusTemplate template) {
		this.template = template;
	}

	@Override
	public void afterPropertiesSet() {
		ensure(Document.class);
	}

	/**
	 * Creates the collection of an entity type unless it exists, else checks that it has the type's fields.
	 * @param type the entity type
	 * @throws IllegalStateException naming the fields the existing collection lacks or has with another type
	 */
	void ensure(Class<?> type) {
		CollectionSchema expected = new EntityMapper().metadata(type).schema();
		if (!this.template.hasCollection(type)) {
			this.template.createCollection(type);
			logger.info("Document store created the collection '" + expected.name() + "' (fields "
					+ names(expected.fields()) + ")");
			return;
		}
		List<String> differences = differences(expected,
				this.template.describeCollection(expected.name()).schema());
		if (!differences.isEmpty()) {
			throw new IllegalStateException("The existing collection '" + expected.name()
					+ "' does not have the fields of " + type.getSimpleName() + ": " + String.join("; ", differences)
					+ ". It was probably created by an earlier version of the sample; its documents are not migrated:"
					+ " drop the collection (or delete the Milvus Lite data directory, milvus.lite.data-directory)"
					+ " and start again");
		}
		logger.info("Document store uses the existing collection '" + expected.name() + "' ("
				+ this.template.count(type) + " documents)");
	}

	private static List<String> differences(CollectionSchema expected, CollectionSchema actual) {
		Map<String, DataType> found = actual.fields()
			.stream()
			.collect(Collectors.toMap(FieldSchema::name, FieldSchema::dataType, (first, second) -> first));
		List<String> differences = new ArrayList<>();
		for (FieldSchema field : expected.fields()) {
			DataType type = found.get(field.name());
			if (type == null) {
				differences.add("no field '" + field.name() + "' (" + field.dataType() + ")");
			}
			else if (type != field.dataType()) {
				differences.add("field '" + field.name() + "' is " + type + ", not " + field.dataType());
			}
		}
		return differences;
	}

	private static List<String> names(List<FieldSchema> fields) {
		return fields.stream().map(FieldSchema::name).toList();
	}

}
