package dev.milvusboot.repository;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/** Windows of 700 entries by key, for a Spring Batch reader. */
interface LedgerRepository extends MilvusRepository<Ledger, Long> {

	Window<Ledger> findFirst700By(ScrollPosition position);

}
