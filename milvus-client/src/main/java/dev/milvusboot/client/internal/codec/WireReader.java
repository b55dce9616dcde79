package dev.milvusboot.client.internal.codec;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import io.grpc.KnownLength;

/**
 * A minimal protobuf wire-format reader over a stream, through one buffer (sized to the message, at most 64 KiB):
 * varints, whole fields as bytes, and packed little-endian floats decoded straight into the caller's {@code float[]}.
 */
final class WireReader {

	static final int VARINT = 0;

	static final int FIXED64 = 1;

	static final int LENGTH_DELIMITED = 2;

	static final int FIXED32 = 5;

	private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class,
			ByteOrder.LITTLE_ENDIAN);

	/** The largest buffer: messages beyond it are read through it in parts. */
	static final int BUFFER_SIZE = 64 * 1024;

	/** The smallest buffer: room for any varint, float or tag. */
	static final int MIN_BUFFER_SIZE = 64;

	private final InputStream in;

	private final byte[] buffer;

	private int position;

	private int limit;

	/** Bytes consumed before {@code buffer[0]}. */
	private long base;

	WireReader(InputStream in) {
		this.in = in;
		this.buffer = new byte[bufferSize(in)];
	}

	/**
	 * A buffer as large as the message where the stream knows its length (gRPC's message streams and byte arrays: a
	 * search answer of a few hundred bytes then does not allocate and zero 64 KiB), otherwise {@link #BUFFER_SIZE}:
	 * other streams, such as decompressing ones, may tell less than they hold.
	 */
	static int bufferSize(InputStream in) {
		if (!(in instanceof KnownLength) && !(in instanceof ByteArrayInputStream)) {
			return BUFFER_SIZE;
		}
		int available;
		try {
			available = in.available();
		}
		catch (IOException ex) {
			available = 0;
		}
		return (available <= 0) ? BUFFER_SIZE : Math.min(BUFFER_SIZE, Math.max(MIN_BUFFER_SIZE, available));
	}

	/** Bytes consumed so far. */
	long position() {
		return this.base + this.position;
	}

	/** The next tag, or 0 at the end of the stream. */
	int readTag() throws IOException {
		if (this.position == this.limit && !fill(1, false)) {
			return 0;
		}
		return (int) readVarint();
	}

	long readVarint() throws IOException {
		if (this.limit - this.position >= 10) {
			return readVarintFast();
		}
		long value = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (this.position == this.limit) {
				fill(1, true);
			}
			byte b = this.buffer[this.position++];
			value |= (long) (b & 0x7F) << shift;
			if (b >= 0) {
				return value;
			}
		}
		throw new IOException("Malformed varint");
	}

	/** A varint wholly in the buffer: sign tricks instead of a loop, as protobuf's own array decoder does. */
	private long readVarintFast() throws IOException {
		byte[] b = this.buffer;
		int p = this.position;
		long x;
		int y;
		if ((y = b[p++]) >= 0) {
			this.position = p;
			return y;
		}
		if ((y ^= (b[p++] << 7)) < 0) {
			x = y ^ (~0 << 7);
		}
		else if ((y ^= (b[p++] << 14)) >= 0) {
			x = y ^ ((~0 << 7) ^ (~0 << 14));
		}
		else if ((y ^= (b[p++] << 21)) < 0) {
			x = y ^ ((~0 << 7) ^ (~0 << 14) ^ (~0 << 21));
		}
		else if ((x = y ^ ((long) b[p++] << 28)) >= 0L) {
			x ^= (~0L << 7) ^ (~0L << 14) ^ (~0L << 21) ^ (~0L << 28);
		}
		else if ((x ^= ((long) b[p++] << 35)) < 0L) {
			x ^= (~0L << 7) ^ (~0L << 14) ^ (~0L << 21) ^ (~0L << 28) ^ (~0L << 35);
		}
		else if ((x ^= ((long) b[p++] << 42)) >= 0L) {
			x ^= (~0L << 7) ^ (~0L << 14) ^ (~0L << 21) ^ (~0L << 28) ^ (~0L << 35) ^ (~0L << 42);
		}
		else if ((x ^= ((long) b[p++] << 49)) < 0L) {
			x ^= (~0L << 7) ^ (~0L << 14) ^ (~0L << 21) ^ (~0L << 28) ^ (~0L << 35) ^ (~0L << 42)
					^ (~0L << 49);
		}
		else {
			x ^= ((long) b[p++] << 56);
			x ^= (~0L << 7) ^ (~0L << 14) ^ (~0L << 21) ^ (~0L << 28) ^ (~0L << 35) ^ (~0L << 42)
					^ (~0L << 49) ^ (~0L << 56);
			if (x < 0L && b[p++] < 0L) {
				throw new IOException("Malformed varint");
			}
		}
		this.position = p;
		return x;
	}

	/** A length prefix, checked. */
	int readLength() throws IOException {
		long length = readVarint();
		if (length < 0 || length > Integer.MAX_VALUE) {
			throw new IOException("Bad length " + length);
		}
		return (int) length;
	}

	/** Reads a length prefix and returns where the length-delimited value ends (a position). */
	long readEnd() throws IOException {
		int length = readLength();
		return position() + length;
	}

	/** The rest of a field whose tag was just read, re-encoded with its tag: ready for a builder's mergeFrom. */
	byte[] readField(int tag) throws IOException {
		int wireType = tag & 7;
		int tagSize = varintSize(tag);
		byte[] field;
		switch (wireType) {
			case VARINT -> {
				long value = readVarint();
				field = new byte[tagSize + varintSize(value)];
				writeVarint(field, writeVarint(field, 0, tag), value);
			}
			case FIXED64, FIXED32 -> {
				int size = (wireType == FIXED64) ? 8 : 4;
				field = new byte[tagSize + size];
				readFully(field, writeVarint(field, 0, tag), size);
			}
			case LENGTH_DELIMITED -> {
				int length = readLength();
				field = new byte[tagSize + varintSize(length) + length];
				readFully(field, writeVarint(field, writeVarint(field, 0, tag), length), length);
			}
			default -> throw new IOException("Unsupported wire type " + wireType);
		}
		return field;
	}

	/** Decodes {@code count} little-endian floats into {@code target} from {@code offset}. */
	void readFloats(float[] target, int offset, int count) throws IOException {
		int done = 0;
		while (done < count) {
			if (this.limit - this.position < 4) {
				fill(4, true);
			}
			int n = Math.min(count - done, (this.limit - this.position) >>> 2);
			int from = this.position;
			for (int i = 0; i < n; i++) {
				target[offset + done + i] = (float) FLOAT_LE.get(this.buffer, from + (i << 2));
			}
			this.position = from + (n << 2);
			done += n;
		}
	}

	/** A UTF-8 string of {@code length} bytes. */
	String readString(int length) throws IOException {
		if (length <= this.buffer.length) {
			if (this.limit - this.position < length) {
				fill(length, true);
			}
			String text = new String(this.buffer, this.position, length, StandardCharsets.UTF_8);
			this.position += length;
			return text;
		}
		byte[] bytes = new byte[length];
		readFully(bytes, 0, length);
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/** Packed varints up to {@code end} (a position), appended to {@code target} from {@code count}. */
	long[] readPackedVarints(long end, long[] target, int count, int[] newCount) throws IOException {
		long[] values = target;
		int n = count;
		while (position() < end) {
			if (n == values.length) {
				values = java.util.Arrays.copyOf(values, Math.max(16, n + (n >> 1)));
			}
			values[n++] = readVarint();
		}
		newCount[0] = n;
		return values;
	}

	private void readFully(byte[] target, int offset, int length) throws IOException {
		int done = 0;
		while (done < length) {
			if (this.position == this.limit) {
				fill(1, true);
			}
			int n = Math.min(length - done, this.limit - this.position);
			System.arraycopy(this.buffer, this.position, target, offset + done, n);
			this.position += n;
			done += n;
		}
	}

	/** Makes at least {@code needed} bytes available, keeping the unread ones. */
	private boolean fill(int needed, boolean required) throws IOException {
		int remaining = this.limit - this.position;
		if (remaining > 0) {
			System.arraycopy(this.buffer, this.position, this.buffer, 0, remaining);
		}
		this.base += this.position;
		this.position = 0;
		this.limit = remaining;
		while (this.limit < needed) {
			int n = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (n < 0) {
				if (required || this.limit > 0) {
					throw new EOFException("The message ends in the middle of a field");
				}
				return false;
			}
			this.limit += n;
		}
		return true;
	}

	static int varintSize(long value) {
		int size = 1;
		while ((value & ~0x7FL) != 0) {
			value >>>= 7;
			size++;
		}
		return size;
	}

	private static int writeVarint(byte[] target, int offset, long value) {
		while ((value & ~0x7FL) != 0) {
			target[offset++] = (byte) ((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		target[offset++] = (byte) value;
		return offset;
	}

}
