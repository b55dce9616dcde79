package dev.milvusboot.core.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import dev.milvusboot.core.mapping.MappedTypes.Event;
import dev.milvusboot.core.mapping.MappedTypes.Kind;
import dev.milvusboot.core.mapping.MappedTypes.Money;
import dev.milvusboot.repository.MilvusRepository;
import dev.milvusboot.repository.Query;

import org.springframework.data.repository.query.Param;

/** Derived and {@code @Query} methods whose parameters are converted values: enums, dates, a converted type. */
interface EventRepository extends MilvusRepository<Event, Long> {

	List<Event> findByKindAndAtGreaterThanEqual(Kind kind, Instant from);

	List<Event> findByDayBeforeAndKindIn(LocalDate day, Collection<Kind> kinds);

	List<Event> findByPrice(Money price);

	List<Event> findByKindsContaining(Kind kind);

	long countByLocalBetween(LocalDateTime from, LocalDateTime to);

	@Query("kind != {kind} and at < {before}")
	List<Event> notOfKindBefore(@Param("kind") Kind kind, @Param("before") Instant before);

}
