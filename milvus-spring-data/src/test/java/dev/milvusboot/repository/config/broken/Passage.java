package dev.milvusboot.repository.config.broken;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusFullText;

/** An entity searchable by text only: its one vector is the sparse BM25 output the server fills. */
@MilvusCollection("repository_config_passages")
public record Passage(@MilvusId long id, @MilvusFullText String body) {

}
