package dev.milvusboot.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The little protobuf wire decoding the readiness probe needs: top-level fields of a message as
 * (number, varint value or bytes) pairs.
 */
final class Wire {

	private Wire() {
	}

	/** One decoded field. */
	static final class Field {

		final int number;

		final long varint;

		final byte[] bytes;

		Field(int number, long varint, byte[] bytes) {
			this.number = number;
			this.varint = varint;
			this.bytes = bytes;
		}

		String string() {
			return this.bytes == null ? "" : new String(this.bytes, StandardCharsets.UTF_8);
		}

	}

	/**
	 * Decodes the top-level fields of a message.
	 * @param message the serialized message
	 * @return the fields in wire order
	 * @throws IllegalArgumentException if the bytes are not a valid message
	 */
	static List<Field> fields(byte[] message) {
		List<Field> fields = new ArrayList<>();
		int[] position = { 0 };
		while (position[0] < message.length) {
			long tag = readVarint(message, position);
			int number = (int) (tag >>> 3);
			int type = (int) (tag & 7);
			if (number <= 0) {
				throw new IllegalArgumentException("invalid field number " + number);
			}
			switch (type) {
				case 0 -> fields.add(new Field(number, readVarint(message, position), null));
				case 1 -> skip(message, position, 8);
				case 2 -> {
					int length = (int) readVarint(message, position);
					if (length < 0 || position[0] + length > message.length) {
						throw new IllegalArgumentException("truncated length-delimited field " + number);
					}
					byte[] bytes = new byte[length];
					System.arraycopy(message, position[0], bytes, 0, length);
					position[0] += length;
					fields.add(new Field(number, 0, bytes));
				}
				case 5 -> skip(message, position, 4);
				default -> throw new IllegalArgumentException("unsupported wire type " + type + " of field " + number);
			}
		}
		return fields;
	}

	private static void skip(byte[] message, int[] position, int count) {
		if (position[0] + count > message.length) {
			throw new IllegalArgumentException("truncated fixed-size field");
		}
		position[0] += count;
	}

	private static long readVarint(byte[] message, int[] position) {
		long result = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (position[0] >= message.length) {
				throw new IllegalArgumentException("truncated varint");
			}
			byte b = message[position[0]++];
			result |= (long) (b & 0x7f) << shift;
			if ((b & 0x80) == 0) {
				return result;
			}
		}
		throw new IllegalArgumentException("malformed varint");
	}

}
