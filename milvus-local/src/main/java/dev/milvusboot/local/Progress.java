package dev.milvusboot.local;

import java.util.function.Consumer;

/** The default progress sink: {@link System.Logger} named {@value #LOGGER_NAME} at INFO. */
final class Progress {

	static final String LOGGER_NAME = "dev.milvusboot.local";

	private static final System.Logger LOGGER = System.getLogger(LOGGER_NAME);

	private Progress() {
	}

	static Consumer<String> defaultSink() {
		return line -> LOGGER.log(System.Logger.Level.INFO, line);
	}

	static Consumer<String> orDefault(Consumer<String> sink) {
		return sink != null ? sink : defaultSink();
	}

}
