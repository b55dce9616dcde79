package dev.milvusboot.client.admin;

/**
 * The state of a compaction and of its plans.
 *
 * @param compactionId the server's id of the compaction ({@code 0} on Milvus Lite, which compacts by itself)
 * @param state where it is
 * @param executingPlans the plans still running
 * @param completedPlans the plans that finished
 * @param failedPlans the plans that failed
 * @param timedOutPlans the plans that timed out
 */
public record CompactionResult(long compactionId, CompactionState state, long executingPlans, long completedPlans,
		long failedPlans, long timedOutPlans) {

	/** Whether the compaction has finished. */
	public boolean isCompleted() {
		return this.state == CompactionState.COMPLETED;
	}

}
