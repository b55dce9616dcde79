package dev.milvusboot.benchmarks;

import java.io.OutputStream;

/**
 * Discards what is written, counting the bytes and folding in one byte per write so that the writes stay
 * observable. Both clients serialize into this, as gRPC would drain them into its buffers.
 */
public final class CountingOutputStream extends OutputStream {

	private long count;

	private int check;

	@Override
	public void write(int b) {
		this.count++;
		this.check += b;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		if (length > 0) {
			this.count += length;
			this.check += bytes[offset + length - 1];
		}
	}

	/** The number of bytes written, mixed with the check value (for JMH to consume). */
	public long result() {
		return this.count * 31 + this.check;
	}

	/** The number of bytes written. */
	public long count() {
		return this.count;
	}

}
