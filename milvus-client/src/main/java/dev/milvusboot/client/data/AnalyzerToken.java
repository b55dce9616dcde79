package dev.milvusboot.client.data;

/**
 * A token an analyzer produced. Offsets, positions and hash are {@code 0} unless asked for.
 *
 * @param token the token
 * @param startOffset where it starts in the text
 * @param endOffset where it ends in the text
 * @param position its position among the tokens
 * @param positionLength how many positions it spans
 * @param hash its hash (unsigned 32-bit)
 */
public record AnalyzerToken(String token, long startOffset, long endOffset, long position, long positionLength,
		long hash) {
}
