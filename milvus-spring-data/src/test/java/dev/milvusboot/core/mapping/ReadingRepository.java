package dev.milvusboot.core.mapping;

import java.util.UUID;

import dev.milvusboot.core.mapping.MappedTypes.Reading;
import dev.milvusboot.repository.MilvusRepository;

/** A repository of an entity with a UUID key and converted members. */
interface ReadingRepository extends MilvusRepository<Reading, UUID> {

}
