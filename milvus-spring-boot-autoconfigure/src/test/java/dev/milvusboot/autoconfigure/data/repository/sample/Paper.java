package dev.milvusboot.autoconfigure.data.repository.sample;

import dev.milvusboot.core.mapping.MilvusCollection;
import dev.milvusboot.core.mapping.MilvusId;
import dev.milvusboot.core.mapping.MilvusVector;

/** An entity of the application's package. */
@MilvusCollection("autoconfigured_papers")
public record Paper(@MilvusId long id, String title, @MilvusVector(dimension = 2) float[] v) {

}
