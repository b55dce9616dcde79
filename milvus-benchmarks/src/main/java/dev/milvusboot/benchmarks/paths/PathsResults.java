package dev.milvusboot.benchmarks.paths;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import dev.milvusboot.benchmarks.e2e.Report;
import dev.milvusboot.benchmarks.e2e.Window;

/**
 * What one part measured: per contender, timed windows by cell (e.g. {@code text, 4 threads}), rates by name (e.g.
 * {@code add docs/s}) per round, CPU per call; notes; written as Markdown (medians, ratios to a reference
 * contender) and JSON.
 */
final class PathsResults {

	final String part;

	final String title;

	final List<String> contenders = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	/** Per cell, per contender, a window per round. */
	final Map<String, Map<String, List<Window>>> windows = new LinkedHashMap<>();

	/** Per rate name, per contender, a value per round. */
	final Map<String, Map<String, List<Double>>> rates = new LinkedHashMap<>();

	/** Per cell, per contender: client CPU ns, server CPU ns, calls. */
	final Map<String, Map<String, long[]>> cpu = new LinkedHashMap<>();

	PathsResults(String part, String title) {
		this.part = part;
		this.title = title;
	}

	void window(String cell, String contender, Window window, long clientCpu, long serverCpu) {
		this.windows.computeIfAbsent(cell, (k) -> new LinkedHashMap<>())
			.computeIfAbsent(contender, (k) -> new ArrayList<>())
			.add(window);
		long[] sums = this.cpu.computeIfAbsent(cell, (k) -> new LinkedHashMap<>())
			.computeIfAbsent(contender, (k) -> new long[3]);
		sums[0] += clientCpu;
		sums[1] += serverCpu;
		sums[2] += window.latenciesMs().length;
	}

	void rate(String name, String contender, double value) {
		this.rates.computeIfAbsent(name, (k) -> new LinkedHashMap<>())
			.computeIfAbsent(contender, (k) -> new ArrayList<>())
			.add(value);
	}

	List<Window> windows(String cell, String contender) {
		return this.windows.getOrDefault(cell, Map.of()).getOrDefault(contender, List.of());
	}

	double rateMedian(String name, String contender) {
		return Report.median(this.rates.getOrDefault(name, Map.of()).get(contender));
	}

	/** Client CPU µs per call of a cell. */
	double clientCpuPerCall(String cell, String contender) {
		long[] sums = this.cpu.getOrDefault(cell, Map.of()).get(contender);
		return (sums == null || sums[2] == 0 || sums[0] == 0) ? Double.NaN : sums[0] / 1e3 / sums[2];
	}

	/**
	 * The Markdown: a table of the windows' cells (throughput = median of rounds, p50/p99 over all calls, client
	 * CPU per call) and of the rates, each with its ratio to {@code reference}, then the notes.
	 */
	String markdown(String reference) {
		StringBuilder out = new StringBuilder();
		out.append("### ").append(this.title).append("\n\n");
		if (!this.windows.isEmpty()) {
			header(out, "| cell | metric |", "|---|---|", reference);
			for (String cell : this.windows.keySet()) {
				row(out, cell, "calls/s ↑", (c) -> Report.medianThroughput(windows(cell, c)), "%,.1f", reference);
				row(out, cell, "p50 ms", (c) -> Report.pooledPercentile(windows(cell, c), 50), "%.2f", reference);
				row(out, cell, "p99 ms", (c) -> Report.pooledPercentile(windows(cell, c), 99), "%.2f", reference);
				row(out, cell, "client CPU µs/call", (c) -> clientCpuPerCall(cell, c), "%,.0f", reference);
			}
			out.append('\n');
		}
		if (!this.rates.isEmpty()) {
			header(out, "| rate (median of rounds) |", "|---|", reference);
			for (String name : this.rates.keySet()) {
				row(out, name, null, (c) -> rateMedian(name, c), "%,.1f", reference);
			}
			out.append('\n');
		}
		spread(out);
		for (String note : this.notes) {
			out.append(note).append("\n\n");
		}
		return out.toString();
	}

	/** The spread over rounds: min–max of the rounds' throughput and p50 per cell, and of each rate. */
	private void spread(StringBuilder out) {
		if (this.windows.values().stream().allMatch((c) -> c.values().stream().allMatch((l) -> l.size() < 2))
				&& this.rates.values().stream().allMatch((c) -> c.values().stream().allMatch((l) -> l.size() < 2))) {
			return;
		}
		out.append("| spread over rounds (min–max) | ").append(String.join(" | ", this.contenders)).append(" |\n|---|")
			.append("---:|".repeat(this.contenders.size())).append('\n');
		for (String cell : this.windows.keySet()) {
			spreadRow(out, cell + ": calls/s", (c) -> windows(cell, c).stream().map(Window::throughput).toList(),
					"%,.1f");
			spreadRow(out, cell + ": p50 ms",
					(c) -> windows(cell, c).stream().map((w) -> Window.percentile(w.latenciesMs(), 50)).toList(),
					"%.2f");
		}
		for (String name : this.rates.keySet()) {
			spreadRow(out, name, (c) -> this.rates.get(name).getOrDefault(c, List.of()), "%,.1f");
		}
		out.append('\n');
	}

	private void spreadRow(StringBuilder out, String label,
			java.util.function.Function<String, List<Double>> perRound, String format) {
		out.append("| ").append(label).append(" | ");
		for (String contender : this.contenders) {
			List<Double> values = perRound.apply(contender);
			if (values.isEmpty()) {
				out.append("– | ");
				continue;
			}
			double min = values.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
			double max = values.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
			out.append(String.format(Locale.ROOT, format, min)).append('–')
				.append(String.format(Locale.ROOT, format, max)).append(" | ");
		}
		out.setLength(out.length() - 1);
		out.append('\n');
	}

	/** A table's header: the first columns, the contenders and their ratios to the reference. */
	private void header(StringBuilder out, String first, String firstRule, String reference) {
		out.append(first).append(' ').append(String.join(" | ", this.contenders)).append(" |");
		for (String contender : this.contenders) {
			if (!contender.equals(reference)) {
				out.append(' ').append(contender).append('/').append(reference).append(" |");
			}
		}
		out.append('\n').append(firstRule).append("---:|".repeat(this.contenders.size() * 2 - 1)).append('\n');
	}

	private void row(StringBuilder out, String cell, String metric, java.util.function.ToDoubleFunction<String> value,
			String format, String reference) {
		out.append("| ").append(cell).append(" | ");
		if (metric != null) {
			out.append(metric).append(" | ");
		}
		Map<String, Double> values = new LinkedHashMap<>();
		for (String contender : this.contenders) {
			double v = value.applyAsDouble(contender);
			values.put(contender, v);
			out.append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v)).append(" | ");
		}
		Double base = values.get(reference);
		for (String contender : this.contenders) {
			if (!contender.equals(reference)) {
				double ratio = values.get(contender) / base;
				out.append(Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f", ratio)).append(" | ");
			}
		}
		out.setLength(out.length() - 1);
		out.append('\n');
	}

	String json() {
		JsonObject json = new JsonObject();
		json.addProperty("part", this.part);
		json.addProperty("title", this.title);
		JsonObject cells = new JsonObject();
		this.windows.forEach((cell, byContender) -> {
			JsonObject cellJson = new JsonObject();
			byContender.forEach((contender, list) -> {
				JsonObject values = new JsonObject();
				values.addProperty("throughput", Report.medianThroughput(list));
				values.addProperty("p50", Report.pooledPercentile(list, 50));
				values.addProperty("p99", Report.pooledPercentile(list, 99));
				values.addProperty("clientCpuMicrosPerCall", clientCpuPerCall(cell, contender));
				values.addProperty("rounds", list.size());
				com.google.gson.JsonArray perRound = new com.google.gson.JsonArray();
				list.forEach((w) -> perRound.add(w.throughput()));
				values.add("throughputPerRound", perRound);
				cellJson.add(contender, values);
			});
			cells.add(cell, cellJson);
		});
		json.add("windows", cells);
		JsonObject rateJson = new JsonObject();
		this.rates.forEach((name, byContender) -> {
			JsonObject values = new JsonObject();
			byContender.forEach((contender, list) -> {
				com.google.gson.JsonArray perRound = new com.google.gson.JsonArray();
				list.forEach(perRound::add);
				JsonObject one = new JsonObject();
				one.addProperty("median", Report.median(list));
				one.add("perRound", perRound);
				values.add(contender, one);
			});
			rateJson.add(name, values);
		});
		json.add("rates", rateJson);
		com.google.gson.JsonArray notesJson = new com.google.gson.JsonArray();
		this.notes.forEach(notesJson::add);
		json.add("notes", notesJson);
		return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(json);
	}

}
