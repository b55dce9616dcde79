package dev.milvusboot.client.exception;

import java.util.List;

/**
 * Thrown when a write that the client split into several batches failed after some batches were written.
 * Tells exactly which rows were written, so nothing is lost without the caller knowing.
 */
public class MilvusPartialWriteException extends MilvusException {

	private static final long serialVersionUID = 1L;

	private final int rowsWritten;

	private final transient List<Object> writtenIds;

	public MilvusPartialWriteException(String message, int rowsWritten, List<Object> writtenIds, MilvusException cause) {
		super(message, new ErrorDetails(cause.errorCode(), cause.reason(), cause.grpcCode(), false), cause);
		this.rowsWritten = rowsWritten;
		this.writtenIds = List.copyOf(writtenIds);
	}

	/** How many rows, from the start of the input, were written before the failure. */
	public int rowsWritten() {
		return this.rowsWritten;
	}

	/** The primary keys of the rows that were written. */
	public List<Object> writtenIds() {
		return this.writtenIds;
	}

}
