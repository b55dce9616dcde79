package dev.milvusboot.client.data;

import java.util.Arrays;

import dev.milvusboot.client.exception.MilvusInvalidArgumentException;

/**
 * A sparse float vector: strictly increasing non-negative indices with their values.
 *
 * @param indices the dimensions present, strictly increasing
 * @param values the value of each dimension present
 */
public record SparseVector(int[] indices, float[] values) {

	public SparseVector {
		if (indices == null || values == null || indices.length != values.length) {
			throw new MilvusInvalidArgumentException("A sparse vector needs as many indices as values");
		}
		for (int i = 0; i < indices.length; i++) {
			if (indices[i] < 0 || (i > 0 && indices[i] <= indices[i - 1])) {
				throw new MilvusInvalidArgumentException(
						"Sparse vector indices must be non-negative and strictly increasing, but index " + i + " is "
								+ indices[i]);
			}
			if (!Float.isFinite(values[i])) {
				throw new MilvusInvalidArgumentException(
						"Sparse vector value at index " + indices[i] + " is " + values[i] + "; it must be finite");
			}
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof SparseVector that && Arrays.equals(this.indices, that.indices)
				&& Arrays.equals(this.values, that.values);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.indices) * 31 + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return "SparseVector[" + this.indices.length + " entries]";
	}

}
