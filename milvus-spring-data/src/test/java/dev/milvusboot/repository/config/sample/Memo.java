package dev.milvusboot.repository.config.sample;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** The entity of the configuration test. */
@MilvusCollection("repository_config_memos")
public record Memo(@MilvusId long id, String text, @MilvusVector(dimension = 2) float[] v) {

}
