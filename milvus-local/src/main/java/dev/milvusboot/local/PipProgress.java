package dev.milvusboot.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Summarises pip's output for the progress sink: at most one line every {@link #INTERVAL_NANOS interval} while pip
 * runs (packages resolved and downloaded so far, and the newest download) and one line at the end naming what was
 * installed, instead of one line per package step. pip's full output still goes into error messages.
 */
final class PipProgress implements Consumer<String> {

	/** At most one progress line per this many nanoseconds. */
	static final long INTERVAL_NANOS = 10_000_000_000L;

	private static final Pattern COLLECTING = Pattern.compile("^Collecting (\\S+)");

	private static final Pattern DOWNLOADING = Pattern.compile("^Downloading (\\S+?)(?:\\.whl|\\.tar\\.gz)?(?:\\s+\\((.+)\\))?$");

	private static final Pattern INSTALLED = Pattern.compile("^Successfully installed (.+)$");

	private final Consumer<String> sink;

	private final LongSupplier clock;

	private final long started;

	private long lastReport;

	private int collected;

	private int downloaded;

	private String lastDownload;

	private final List<String> installed = new ArrayList<>();

	PipProgress(Consumer<String> sink, LongSupplier clock) {
		this.sink = sink;
		this.clock = clock;
		this.started = clock.getAsLong();
		this.lastReport = this.started;
	}

	@Override
	public synchronized void accept(String raw) {
		String line = raw.trim();
		Matcher matcher;
		if (COLLECTING.matcher(line).find()) {
			this.collected++;
		}
		else if ((matcher = DOWNLOADING.matcher(line)).find()) {
			this.downloaded++;
			String name = matcher.group(1);
			name = name.substring(name.lastIndexOf('/') + 1);
			this.lastDownload = name + ((matcher.group(2) != null) ? " (" + matcher.group(2) + ")" : "");
		}
		else if ((matcher = INSTALLED.matcher(line)).find()) {
			this.installed.addAll(List.of(matcher.group(1).trim().split("\\s+")));
		}
		long now = this.clock.getAsLong();
		if (now - this.lastReport >= INTERVAL_NANOS) {
			this.lastReport = now;
			this.sink.accept(String.format(Locale.ROOT, "pip: %d packages resolved, %d downloaded%s (%.0f s)",
					this.collected, this.downloaded,
					(this.lastDownload != null) ? ", last " + this.lastDownload : "",
					(now - this.started) / 1e9));
		}
	}

	/** Tells what pip installed, once it succeeded. */
	synchronized void finished() {
		this.sink.accept(String.format(Locale.ROOT, "pip installed %d packages in %.1f s: %s", this.installed.size(),
				(this.clock.getAsLong() - this.started) / 1e9, String.join(" ", this.installed)));
	}

}
