package dev.milvusboot.client.internal.codec;

import java.util.List;

import com.google.protobuf.ByteString;

import dev.milvusboot.client.data.AnalyzerRun;
import dev.milvusboot.client.data.AnalyzerToken;
import dev.milvusboot.client.internal.proto.RunAnalyzerRequest;
import dev.milvusboot.client.internal.proto.RunAnalyzerResponse;

/** {@code RunAnalyzer} requests and answers, as pymilvus 3.0 builds them. Internal API. */
public final class AnalyzerCodec {

	private AnalyzerCodec() {
	}

	/**
	 * Builds the request.
	 * @param run the run
	 * @return the request
	 */
	public static RunAnalyzerRequest encode(AnalyzerRun run) {
		RunAnalyzerRequest.Builder request = RunAnalyzerRequest.newBuilder()
			.setWithDetail(run.withDetail())
			.setWithHash(run.withHash())
			.addAllAnalyzerNames(run.analyzerNames());
		run.texts().forEach((text) -> request.addPlaceholder(ByteString.copyFromUtf8(text)));
		if (run.analyzerParams() != null) {
			request.setAnalyzerParams(Json.write(run.analyzerParams(), "the analyzer parameters"));
		}
		if (run.collection() != null) {
			request.setCollectionName(run.collection()).setFieldName(run.field());
		}
		return request.build();
	}

	/**
	 * Reads the tokens.
	 * @param response the answer
	 * @return the tokens of each text
	 */
	public static List<List<AnalyzerToken>> decode(RunAnalyzerResponse response) {
		return response.getResultsList()
			.stream()
			.map((result) -> result.getTokensList()
				.stream()
				.map((t) -> new AnalyzerToken(t.getToken(), t.getStartOffset(), t.getEndOffset(), t.getPosition(),
						t.getPositionLength(), Integer.toUnsignedLong(t.getHash())))
				.toList())
			.toList();
	}

}
