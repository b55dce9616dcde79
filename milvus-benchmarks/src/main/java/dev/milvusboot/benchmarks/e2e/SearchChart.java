package dev.milvusboot.benchmarks.e2e;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The search chart (Java2D, PNG): latency p50/p99 (log scale) and throughput by thread count for each client.
 * {@code SearchChart e2e-standalone.json chart.png} redraws it from a results file.
 */
public final class SearchChart {

	private static final int WIDTH = 1400;

	private static final int HEIGHT = 660;

	private static final Color[] COLORS = { new Color(0x1f77b4), new Color(0x17becf), new Color(0x7f7f7f),
			new Color(0xff7f0e), new Color(0xbcbd22), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd) };

	private SearchChart() {
	}

	/** One client's search numbers at one thread count. */
	record Cell(double throughput, double p50, double p99) {
	}

	public static void main(String[] args) throws IOException {
		JsonObject json = JsonParser.parseString(Files.readString(Paths.get(args[0]))).getAsJsonObject();
		Map<String, Map<Integer, Cell>> data = new LinkedHashMap<>();
		JsonObject clients = json.getAsJsonObject("clients");
		for (String client : clients.keySet()) {
			Map<Integer, Cell> cells = new LinkedHashMap<>();
			JsonObject search = clients.getAsJsonObject(client).getAsJsonObject("search");
			for (String threads : search.keySet()) {
				JsonObject cell = search.getAsJsonObject(threads);
				cells.put(Integer.parseInt(threads), new Cell(cell.get("throughput").getAsDouble(),
						cell.get("p50").getAsDouble(), cell.get("p99").getAsDouble()));
			}
			data.put(client, cells);
		}
		JsonObject versions = json.getAsJsonObject("versions");
		draw(data, title(json.get("server").getAsString(), versions.get("server").getAsString(),
				json.get("searchRows").getAsLong(),
				json.get("index").getAsString()), Paths.get(args[1]));
	}

	static void write(EndToEndMain.Results results, Path png) throws IOException {
		Map<String, Map<Integer, Cell>> data = new LinkedHashMap<>();
		for (String client : results.names()) {
			Map<Integer, Cell> cells = new LinkedHashMap<>();
			results.searches.getOrDefault(client, Map.of()).forEach((threads, windows) -> {
				if (!windows.isEmpty()) {
					cells.put(threads, new Cell(Report.medianThroughput(windows), Report.pooledPercentile(windows, 50),
							Report.pooledPercentile(windows, 99)));
				}
			});
			data.put(client, cells);
		}
		draw(data, title(results.server, results.versions.get("server"), results.searchRowsLoaded, results.index),
				png);
	}

	private static String title(String label, String version, long rows, String index) {
		String server = switch (label) {
			case "standalone" -> "Milvus 2.3 standalone (" + version + ")";
			case "lite" -> "Milvus Lite (" + version + ")";
			default -> "Milvus " + version;
		};
		return String.format(Locale.ROOT, "Search on %s: %,d × %d dims, %s, top %d, 2 shared cores", server, rows,
				EndToEndMain.SEARCH_DIM, index.replaceAll(" \\(.*", ""), Contender.TOP_K);
	}

	/** A white, antialiased canvas on {@code image}, drawing in black: for this chart and the benchmarks' others. */
	public static Graphics2D whiteCanvas(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		g.setColor(Color.BLACK);
		return g;
	}

	static void draw(Map<String, Map<Integer, Cell>> data, String title, Path png) throws IOException {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = whiteCanvas(image);
		try {
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
			centered(g, title, WIDTH / 2, 34);
			List<String> clients = new ArrayList<>(data.keySet());
			List<Integer> threads = new ArrayList<>(data.get(clients.get(0)).keySet());
			latencyPanel(g, data, clients, threads, 90, 80, 560, 440);
			throughputPanel(g, data, clients, threads, 780, 80, 560, 440);
			legend(g, clients, 90, HEIGHT - 24);
		}
		finally {
			g.dispose();
		}
		Path parent = png.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		ImageIO.write(image, "png", png.toFile());
	}

	private static void latencyPanel(Graphics2D g, Map<String, Map<Integer, Cell>> data, List<String> clients,
			List<Integer> threads, int x, int y, int w, int h) {
		double min = Double.MAX_VALUE;
		double max = 0;
		for (Map<Integer, Cell> cells : data.values()) {
			for (Cell cell : cells.values()) {
				min = Math.min(min, cell.p50());
				max = Math.max(max, cell.p99());
			}
		}
		double low = Math.pow(10, Math.floor(Math.log10(min)));
		double high = Math.pow(10, Math.ceil(Math.log10(max)));
		panelTitle(g, "Latency, ms (log scale): p50 solid, p99 dashed — lower is better", x + w / 2, y - 12);
		axes(g, x, y, w, h);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		for (double decade = low; decade <= high * 1.0001; decade *= 10) {
			for (int m : new int[] { 1, 2, 5 }) {
				double value = decade * m;
				if (value < low || value > high * 1.0001) {
					continue;
				}
				int py = logY(value, low, high, y, h);
				g.setColor(new Color(0xe0e0e0));
				g.drawLine(x + 1, py, x + w, py);
				g.setColor(Color.DARK_GRAY);
				rightAligned(g, format(value), x - 8, py + 5);
			}
		}
		xLabels(g, threads, x, y, w, h);
		Stroke solid = new BasicStroke(3f);
		Stroke dashed = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] { 10f, 7f },
				0f);
		for (int c = 0; c < clients.size(); c++) {
			Map<Integer, Cell> cells = data.get(clients.get(c));
			g.setColor(COLORS[c % COLORS.length]);
			for (int p = 0; p < 2; p++) {
				g.setStroke((p == 0) ? solid : dashed);
				List<int[]> points = new ArrayList<>();
				for (int i = 0; i < threads.size(); i++) {
					Cell cell = cells.get(threads.get(i));
					if (cell != null) {
						points.add(new int[] { xOf(i, threads.size(), x, w),
								logY((p == 0) ? cell.p50() : cell.p99(), low, high, y, h) });
					}
				}
				int[] xs = points.stream().mapToInt((point) -> point[0]).toArray();
				int[] ys = points.stream().mapToInt((point) -> point[1]).toArray();
				g.drawPolyline(xs, ys, xs.length);
				for (int i = 0; i < xs.length; i++) {
					g.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
				}
			}
		}
		g.setStroke(new BasicStroke(1f));
	}

	private static void throughputPanel(Graphics2D g, Map<String, Map<Integer, Cell>> data, List<String> clients,
			List<Integer> threads, int x, int y, int w, int h) {
		double max = 0;
		for (Map<Integer, Cell> cells : data.values()) {
			for (Cell cell : cells.values()) {
				max = Math.max(max, cell.throughput());
			}
		}
		double step = niceStep(max / 5);
		double top = Math.ceil(max * 1.12 / step) * step;
		panelTitle(g, "Throughput, searches/s — higher is better", x + w / 2, y - 12);
		axes(g, x, y, w, h);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
		for (double value = 0; value <= top * 1.0001; value += step) {
			int py = y + h - (int) Math.round(value / top * h);
			g.setColor(new Color(0xe0e0e0));
			g.drawLine(x + 1, py, x + w, py);
			g.setColor(Color.DARK_GRAY);
			rightAligned(g, format(value), x - 8, py + 5);
		}
		xLabels(g, threads, x, y, w, h);
		int group = w / threads.size();
		int bar = (int) (group * 0.7 / clients.size());
		for (int i = 0; i < threads.size(); i++) {
			int start = x + i * group + (group - bar * clients.size()) / 2;
			for (int c = 0; c < clients.size(); c++) {
				Cell cell = data.get(clients.get(c)).get(threads.get(i));
				if (cell == null) {
					continue;
				}
				double value = cell.throughput();
				int barHeight = (int) Math.round(value / top * h);
				g.setColor(COLORS[c % COLORS.length]);
				g.fillRect(start + c * bar, y + h - barHeight, Math.max(1, bar - 2), barHeight);
				if (bar >= 40) {
					g.setColor(Color.BLACK);
					g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
					centered(g, format(value), start + c * bar + (bar - 4) / 2, y + h - barHeight - 6);
				}
			}
		}
	}

	private static void axes(Graphics2D g, int x, int y, int w, int h) {
		g.setColor(Color.BLACK);
		g.drawLine(x, y, x, y + h);
		g.drawLine(x, y + h, x + w, y + h);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
		centered(g, "client threads", x + w / 2, y + h + 48);
	}

	private static void xLabels(Graphics2D g, List<Integer> threads, int x, int y, int w, int h) {
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
		for (int i = 0; i < threads.size(); i++) {
			centered(g, Integer.toString(threads.get(i)), xOf(i, threads.size(), x, w), y + h + 22);
		}
	}

	private static void legend(Graphics2D g, List<String> clients, int x, int y) {
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (clients.size() > 4) ? 13 : 16));
		int at = x;
		for (int c = 0; c < clients.size(); c++) {
			g.setColor(COLORS[c % COLORS.length]);
			g.fillRect(at, y - 13, 28, 14);
			g.setColor(Color.BLACK);
			String name = switch (clients.get(c)) {
				case "ours" -> (clients.size() > 4) ? "ours (defaults)" : "ours (milvus-client)";
				case "SDK" -> (clients.size() > 4) ? "SDK (1 client)" : "official Java SDK";
				default -> clients.get(c);
			};
			g.drawString(name, at + 36, y);
			at += ((clients.size() > 4) ? 48 : 60) + g.getFontMetrics().stringWidth(name);
		}
	}

	private static void panelTitle(Graphics2D g, String text, int cx, int y) {
		g.setColor(Color.BLACK);
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
		centered(g, text, cx, y);
	}

	private static int xOf(int i, int count, int x, int w) {
		return x + (int) Math.round((i + 0.5) * w / count);
	}

	private static int logY(double value, double low, double high, int y, int h) {
		double position = (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low));
		return y + h - (int) Math.round(position * h);
	}

	private static double niceStep(double raw) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		for (double m : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (m * magnitude >= raw) {
				return m * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String format(double value) {
		if (value >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return (value >= 10) ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2g", value);
	}

	private static void centered(Graphics2D g, String text, int cx, int baseline) {
		FontMetrics metrics = g.getFontMetrics();
		g.drawString(text, cx - metrics.stringWidth(text) / 2, baseline);
	}

	private static void rightAligned(Graphics2D g, String text, int right, int baseline) {
		g.drawString(text, right - g.getFontMetrics().stringWidth(text), baseline);
	}

}
