package dev.milvusboot.client.internal.codec;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * Converts floats to IEEE 754 half precision (float16) or bfloat16, little-endian, rounding to nearest even.
 * Internal API.
 */
final class HalfFloats {

	private HalfFloats() {
	}

	static byte[] encode(float[] values, boolean bfloat16, String where) {
		byte[] out = new byte[values.length * 2];
		for (int i = 0; i < values.length; i++) {
			if (!Float.isFinite(values[i])) {
				throw new MilvusInvalidArgumentException("The vector in " + where + " has " + values[i]
						+ " at position " + i + "; vectors must hold finite numbers");
			}
			int half = bfloat16 ? toBfloat16(values[i]) : toFloat16(values[i]);
			out[2 * i] = (byte) half;
			out[2 * i + 1] = (byte) (half >>> 8);
		}
		return out;
	}

	static int toBfloat16(float value) {
		int bits = Float.floatToRawIntBits(value);
		int rounding = 0x7FFF + ((bits >>> 16) & 1);
		return ((bits + rounding) >>> 16) & 0xFFFF;
	}

	static int toFloat16(float value) {
		int bits = Float.floatToRawIntBits(value);
		int sign = (bits >>> 16) & 0x8000;
		int exponent = ((bits >>> 23) & 0xFF) - 127 + 15;
		int mantissa = bits & 0x7FFFFF;
		if (exponent >= 0x1F) {
			return sign | 0x7BFF; // too large: the largest finite half
		}
		if (exponent <= 0) {
			if (exponent < -10) {
				return sign;
			}
			mantissa |= 0x800000;
			int shift = 14 - exponent;
			int half = mantissa >> shift;
			int remainder = mantissa & ((1 << shift) - 1);
			int halfway = 1 << (shift - 1);
			if (remainder > halfway || (remainder == halfway && (half & 1) != 0)) {
				half++;
			}
			return sign | half;
		}
		int half = (exponent << 10) | (mantissa >> 13);
		int remainder = mantissa & 0x1FFF;
		if (remainder > 0x1000 || (remainder == 0x1000 && (half & 1) != 0)) {
			half++;
		}
		return sign | Math.min(half, 0x7BFF);
	}

}
