package dev.milvusboot.benchmarks.paths;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.milvusboot.benchmarks.e2e.SearchChart;

/**
 * Bar charts (Java2D, PNG) of the new paths' result files, for {@code docs/benchmarks.md}:
 * <ul>
 * <li>{@code PathsChart text results/paths-text.json OUT.png}: full-text and hybrid search throughput by thread count,
 * one bar per client;</li>
 * <li>{@code PathsChart stores results/paths-spring-ai.json results/paths-langchain4j.json OUT.png}: each framework
 * store's add rate and its search p50 in every search window, ours against the official store.</li>
 * </ul>
 * Every bar is a median over the rounds, as in the result file; its value is written above it.
 */
public final class PathsChart {

	private static final int PANEL_WIDTH = 680;

	private static final int PANEL_HEIGHT = 380;

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x17becf),
			new Color(0x2ca02c), new Color(0x9467bd), new Color(0x7f7f7f) };

	private PathsChart() {
	}

	/** One chart: its title, unit and bars, group by group (a group's bars keyed by contender). */
	record Panel(String title, String unit, Map<String, Map<String, Double>> groups) {
	}

	public static void main(String[] args) throws IOException {
		List<Panel> panels = new ArrayList<>();
		String title;
		if (args[0].equals("text")) {
			JsonObject json = read(args[1]);
			title = json.get("title").getAsString();
			panels.add(windows(json, "text, ", "Full-text (BM25) search", "calls/s", "throughput"));
			panels.add(windows(json, "hybrid, ", "Hybrid search (dense + BM25, RRF)", "calls/s", "throughput"));
		}
		else if (args[0].equals("stores")) {
			title = "Framework stores on the same Milvus 2.3.5 server, ours against the official ones";
			for (int i = 1; i < args.length - 1; i++) {
				JsonObject json = read(args[i]);
				String framework = json.get("part").getAsString().equals("spring-ai") ? "Spring AI VectorStore"
						: "LangChain4j EmbeddingStore";
				panels.add(rate(json, "add docs/s ↑", framework + ": add (768 dims, 100 per call)", "documents/s"));
				panels.add(windows(json, "", framework + ": similarity search p50", "ms", "p50"));
			}
		}
		else {
			throw new IllegalArgumentException("text FILE OUT.png, or stores FILE... OUT.png: " + args[0]);
		}
		draw(title, panels, Paths.get(args[args.length - 1]));
	}

	private static JsonObject read(String file) throws IOException {
		return JsonParser.parseString(Files.readString(Paths.get(file))).getAsJsonObject();
	}

	/** The windows whose name starts with {@code prefix}, one group each, of one value per contender. */
	static Panel windows(JsonObject json, String prefix, String title, String unit, String value) {
		Map<String, Map<String, Double>> groups = new LinkedHashMap<>();
		JsonObject windows = json.getAsJsonObject("windows");
		for (String window : windows.keySet()) {
			if (!window.startsWith(prefix)) {
				continue;
			}
			Map<String, Double> bars = new LinkedHashMap<>();
			JsonObject contenders = windows.getAsJsonObject(window);
			for (String contender : sorted(contenders.keySet())) {
				bars.put(contender, contenders.getAsJsonObject(contender).get(value).getAsDouble());
			}
			groups.put(label(window.substring(prefix.length())), bars);
		}
		return new Panel(title, unit, groups);
	}

	/** A short label for a window: the stores' two search windows are "defaults" and "like for like". */
	private static String label(String window) {
		if (window.contains("each store's default")) {
			return "each store's defaults";
		}
		if (window.contains("official store's consistency")) {
			return "ours set as the official store";
		}
		return window;
	}

	/** One rate (medians over rounds), one group. */
	static Panel rate(JsonObject json, String rate, String title, String unit) {
		Map<String, Double> bars = new LinkedHashMap<>();
		JsonObject contenders = json.getAsJsonObject("rates").getAsJsonObject(rate);
		for (String contender : sorted(contenders.keySet())) {
			bars.put(contender, contenders.getAsJsonObject(contender).get("median").getAsDouble());
		}
		return new Panel(title, unit, Map.of("median of the rounds", bars));
	}

	/** Ours first, then the others in a fixed order, so a contender keeps its colour across groups. */
	private static List<String> sorted(Set<String> names) {
		List<String> sorted = new ArrayList<>(names);
		sorted.sort((a, b) -> {
			int byOurs = Boolean.compare(!a.startsWith("ours"), !b.startsWith("ours"));
			return (byOurs != 0) ? byOurs : a.compareTo(b);
		});
		return sorted;
	}

	static void draw(String title, List<Panel> panels, Path png) throws IOException {
		int columns = 2;
		int rows = (panels.size() + columns - 1) / columns;
		int width = columns * PANEL_WIDTH;
		int height = 50 + rows * PANEL_HEIGHT;
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = SearchChart.whiteCanvas(image);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
		g.drawString(title, 20, 32);
		for (int i = 0; i < panels.size(); i++) {
			drawPanel(g, panels.get(i), (i % columns) * PANEL_WIDTH, 50 + (i / columns) * PANEL_HEIGHT);
		}
		g.dispose();
		ImageIO.write(image, "png", png.toFile());
	}

	private static void drawPanel(Graphics2D g, Panel panel, int x0, int y0) {
		int left = x0 + 60;
		int right = x0 + PANEL_WIDTH - 20;
		int top = y0 + 50;
		int bottom = y0 + PANEL_HEIGHT - 90;
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
		g.drawString(panel.title(), x0 + 20, y0 + 24);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		g.drawString(panel.unit(), x0 + 20, top - 8);
		double max = panel.groups().values().stream().flatMap((bars) -> bars.values().stream())
			.mapToDouble(Double::doubleValue).max().orElse(1);
		g.setColor(Color.GRAY);
		g.setStroke(new BasicStroke(1));
		g.drawLine(left, bottom, right, bottom);
		Set<String> contenders = new LinkedHashSet<>();
		panel.groups().values().forEach((bars) -> contenders.addAll(bars.keySet()));
		List<String> legend = new ArrayList<>(contenders);
		int groupWidth = (right - left) / Math.max(1, panel.groups().size());
		int group = 0;
		for (Map.Entry<String, Map<String, Double>> entry : panel.groups().entrySet()) {
			int gx = left + group * groupWidth;
			int barWidth = Math.min(60, (groupWidth - 20) / Math.max(1, legend.size()));
			int bx = gx + (groupWidth - barWidth * entry.getValue().size()) / 2;
			for (Map.Entry<String, Double> bar : entry.getValue().entrySet()) {
				int h = (int) Math.round((bottom - top) * bar.getValue() / (max * 1.1));
				g.setColor(COLORS[legend.indexOf(bar.getKey()) % COLORS.length]);
				g.fillRect(bx, bottom - h, barWidth - 4, h);
				g.setColor(Color.BLACK);
				String label = (bar.getValue() >= 100) ? String.format(Locale.ROOT, "%,.0f", bar.getValue())
						: String.format(Locale.ROOT, "%.1f", bar.getValue());
				g.drawString(label, bx, bottom - h - 4);
				bx += barWidth;
			}
			g.setColor(Color.BLACK);
			g.drawString(entry.getKey(), gx + 10, bottom + 16);
			group++;
		}
		int ly = bottom + 36;
		int lx = left;
		for (String contender : legend) {
			g.setColor(COLORS[legend.indexOf(contender) % COLORS.length]);
			g.fillRect(lx, ly - 10, 12, 12);
			g.setColor(Color.BLACK);
			g.drawString(contender, lx + 16, ly);
			lx += 24 + g.getFontMetrics().stringWidth(contender);
			if (lx > right - 120) {
				lx = left;
				ly += 18;
			}
		}
	}

}
