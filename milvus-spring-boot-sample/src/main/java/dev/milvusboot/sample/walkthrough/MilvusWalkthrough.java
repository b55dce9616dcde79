package dev.milvusboot.sample.walkthrough;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import dev.milvusboot.client.admin.CompactionResult;
import dev.milvusboot.client.data.Hit;
import dev.milvusboot.client.data.MutationResult;
import dev.milvusboot.client.data.Row;
import dev.milvusboot.client.data.Search;
import dev.milvusboot.client.schema.CollectionDescription;
import dev.milvusboot.client.schema.CollectionSchema;
import dev.milvusboot.client.schema.FieldSchema;
import dev.milvusboot.client.schema.IndexDescription;
import dev.milvusboot.client.schema.IndexParams;
import dev.milvusboot.client.schema.IndexType;
import dev.milvusboot.client.schema.MetricType;
import dev.milvusboot.core.MilvusTemplate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Walks through the classic Milvus workflow at start-up and logs each step with its result: collections from a
 * name and from a schema, a partition, an IVF_FLAT index, inserts with automatic and user ids and into a
 * partition, get, delete, flush, compaction, searches with {@code nprobe} and top-k, describe and count. Switched
 * off by {@code sample.walkthrough.enabled=false}. Collections of an earlier run are dropped first.
 */
@Component
@ConditionalOnBooleanProperty(name = "sample.walkthrough.enabled", matchIfMissing = true)
public final class MilvusWalkthrough implements ApplicationRunner {

	/** The collection created from a name, dimension and metric (ids assigned by Milvus). */
	public static final String COLLECTION = "walkthrough";

	/** The collection created from a schema (ids chosen by the application). */
	public static final String COLLECTION_WITH_IDS = "walkthrough_with_ids";

	/** The partition of {@link #COLLECTION}. */
	public static final String PARTITION = "recent";

	private static final Log logger = LogFactory.getLog(MilvusWalkthrough.class);

	private static final int DIMENSION = 8;

	private final MilvusTemplate template;

	private final Random random = new Random(42);

	private int step;

	MilvusWalkthrough(MilvusTemplate template) {
		this.template = template;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.step = 0;
		long start = System.nanoTime();
		logger.info("Walkthrough of the Milvus workflow on " + this.template.serverVersion()
				+ " (sample.walkthrough.enabled=false skips it)");

		String dropped = dropIfExists(COLLECTION);
		this.template.createCollection(COLLECTION, DIMENSION, MetricType.L2);
		log("Create collection", "'" + COLLECTION + "' with an auto-id int64 key 'id' and a " + DIMENSION
				+ "-dimensional vector 'vector' compared by L2 distance" + dropped);

		this.template.createPartition(COLLECTION, PARTITION);
		log("Create and list partitions", COLLECTION + " has partitions " + this.template.listPartitions(COLLECTION));

		// the quick set-up indexes with AUTOINDEX; replace it: release, drop, create, load
		this.template.releaseCollection(COLLECTION);
		this.template.dropIndex(COLLECTION, "vector");
		this.template.createIndex(IndexParams.builder(COLLECTION, "vector")
			.indexType(IndexType.IVF_FLAT)
			.metric(MetricType.L2)
			.param("nlist", 128)
			.build());
		this.template.loadCollection(COLLECTION);
		IndexDescription index = this.template.describeIndex(COLLECTION, "vector");
		log("Create index", index.indexType() + " on " + COLLECTION + ".vector, metric " + index.metricType()
				+ ", params " + index.params() + ", state " + index.state() + "; collection loaded");

		MutationResult auto = this.template.insert(COLLECTION, rows(200, null));
		log("Insert with automatic ids", auto.insertCount() + " vectors into " + COLLECTION
				+ ", ids assigned by Milvus " + range(auto.ids()));

		String droppedWithIds = dropIfExists(COLLECTION_WITH_IDS);
		this.template.createCollection(CollectionSchema.builder(COLLECTION_WITH_IDS)
			.field(FieldSchema.int64Id("id", false))
			.field(FieldSchema.varchar("title", 64))
			.field(FieldSchema.floatVector("vector", DIMENSION))
			.build());
		this.template.createIndex(IndexParams.builder(COLLECTION_WITH_IDS, "vector")
			.indexType(IndexType.IVF_FLAT)
			.metric(MetricType.L2)
			.param("nlist", 128)
			.build());
		this.template.loadCollection(COLLECTION_WITH_IDS);
		List<Map<String, Object>> items = new ArrayList<>();
		for (long id = 1; id <= 10; id++) {
			items.add(Map.of("id", id, "title", "item " + id, "vector", randomVector()));
		}
		MutationResult withIds = this.template.insert(COLLECTION_WITH_IDS, items);
		log("Insert with user ids", withIds.insertCount() + " rows into " + COLLECTION_WITH_IDS
				+ " (created from a schema: id int64, title varchar, vector " + DIMENSION + "d; IVF_FLAT), ids "
				+ withIds.ids() + droppedWithIds);

		List<Map<String, Object>> recentRows = rows(20, "recent");
		MutationResult recent = this.template.insert(COLLECTION, PARTITION, recentRows);
		Set<Object> recentIds = new HashSet<>(recent.ids());
		log("Insert into a partition", recent.insertCount() + " vectors into " + COLLECTION + "/" + PARTITION
				+ ", ids " + range(recent.ids()));

		log("Get by id", COLLECTION_WITH_IDS + " ids [1, 2, 3] -> " + titles(List.of(1L, 2L, 3L)));

		MutationResult deleted = this.template.delete(COLLECTION_WITH_IDS, List.of(1L, 2L));
		log("Delete by id", "deleted " + deleted.deleteCount() + " (ids [1, 2]) from " + COLLECTION_WITH_IDS
				+ "; get [1, 2, 3] now -> " + titles(List.of(1L, 2L, 3L)));

		this.template.flush(COLLECTION, COLLECTION_WITH_IDS);
		log("Flush", COLLECTION + " and " + COLLECTION_WITH_IDS + " sealed and persisted");

		CompactionResult compaction = this.template.compact(COLLECTION_WITH_IDS);
		log("Compact", COLLECTION_WITH_IDS + ": compaction " + compaction.compactionId() + " " + compaction.state()
				+ ((compaction.compactionId() == 0) ? " (Milvus Lite compacts by itself)"
						: " (" + compaction.completedPlans() + " plans completed)"));

		float[] query = (float[]) recentRows.get(0).get("vector");
		List<Hit> everywhere = this.template.search(Search.in(COLLECTION)
			.vector(query)
			.topK(5)
			.param("nprobe", 10)
			.outputFields("source")
			.build()).first();
		log("Search the collection", "top 5 (nprobe=10) of " + COLLECTION + " -> " + hits(everywhere));

		List<Hit> inPartition = this.template.search(Search.in(COLLECTION)
			.partitions(PARTITION)
			.vector(query)
			.topK(5)
			.param("nprobe", 10)
			.outputFields("source")
			.build()).first();
		boolean allRecent = inPartition.stream().allMatch((hit) -> recentIds.contains(hit.id()));
		log("Search a partition", "top 5 (nprobe=10) of " + COLLECTION + "/" + PARTITION + " -> " + hits(inPartition)
				+ (allRecent ? ", all from the partition" : ", NOT all from the partition"));

		CollectionDescription description = this.template.describeCollection(COLLECTION);
		String fields = description.schema()
			.fields()
			.stream()
			.map((field) -> field.name() + " " + field.dataType()
					+ ((field.dimension() > 0) ? "(" + field.dimension() + ")" : "")
					+ (field.isPrimaryKey() ? " primary key" + (field.isAutoId() ? ", auto id" : "") : ""))
			.collect(Collectors.joining(", ", "[", "]"));
		log("Describe collection", COLLECTION + ": fields " + fields + ", dynamic field "
				+ description.schema().isDynamicFieldEnabled() + ", " + description.shards() + " shard(s), consistency "
				+ description.consistencyLevel());

		log("Count", COLLECTION + " has " + this.template.count(COLLECTION) + " entities, " + COLLECTION_WITH_IDS
				+ " has " + this.template.count(COLLECTION_WITH_IDS));
		logger.info(String.format("Walkthrough finished in %.1f s", (System.nanoTime() - start) / 1e9));
	}

	private String dropIfExists(String collection) {
		if (this.template.hasCollection(collection)) {
			this.template.dropCollection(collection);
			return " (the one of an earlier run dropped first)";
		}
		return "";
	}

	private List<Map<String, Object>> rows(int count, @Nullable String source) {
		List<Map<String, Object>> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("vector", randomVector());
			// a dynamic field (the quick set-up enables them)
			row.put("source", (source != null) ? source : "initial");
			rows.add(row);
		}
		return rows;
	}

	private float[] randomVector() {
		float[] vector = new float[DIMENSION];
		for (int i = 0; i < DIMENSION; i++) {
			vector[i] = this.random.nextFloat();
		}
		return vector;
	}

	private List<String> titles(List<Long> ids) {
		return this.template.get(COLLECTION_WITH_IDS, ids, "title")
			.stream()
			.map((Row row) -> row.getLong("id") + "=" + row.getString("title"))
			.toList();
	}

	private static String hits(List<Hit> hits) {
		return hits.stream()
			.map((hit) -> hit.id() + " (" + hit.get("source") + String.format(", distance %.3f)", hit.score()))
			.collect(Collectors.joining(", ", "[", "]"));
	}

	private static String range(List<Object> ids) {
		return ids.isEmpty() ? "[]" : "[" + ids.get(0) + " .. " + ids.get(ids.size() - 1) + "]";
	}

	private void log(String step, String result) {
		logger.info(String.format("Walkthrough %2d. %-27s %s", ++this.step, step + ":", result));
	}

}
