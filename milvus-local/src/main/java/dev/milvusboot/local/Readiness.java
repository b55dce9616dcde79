package dev.milvusboot.local;

import java.time.Duration;

/** Readiness checks over gRPC: the server answers {@code CheckHealth} as healthy and {@code GetVersion}. */
final class Readiness {

	static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);

	private Readiness() {
	}

	/**
	 * Probes a plain-TCP server without credentials.
	 * @param host the host
	 * @param port the port
	 * @return the version once ready, else {@code null}
	 */
	static String plain(String host, int port) {
		return check(MilvusProbe.builder(host, port).deadline(PROBE_DEADLINE));
	}

	/**
	 * Probes a plain-TCP server that implements neither {@code GetVersion} nor {@code CheckHealth} (Milvus Lite
	 * 2.5): ready once {@code Connect} succeeds.
	 * @param host the host
	 * @param port the port
	 * @param packageVersion what to report when the server does not tell its version
	 * @return the version the server tells, else {@code packageVersion}, once ready; {@code null} before
	 */
	static String connects(String host, int port, String packageVersion) {
		try (MilvusProbe client = MilvusProbe.builder(host, port).deadline(PROBE_DEADLINE).build()) {
			String told = client.connect();
			return told.isBlank() ? packageVersion : told;
		}
		catch (MilvusLocalException ex) {
			return null;
		}
	}

	/**
	 * Probes with a configured builder.
	 * @param probe the probe settings
	 * @return the version once ready, else {@code null}
	 */
	static String check(MilvusProbe.Builder probe) {
		try (MilvusProbe client = probe.build()) {
			if (!client.checkHealth().healthy()) {
				return null;
			}
			return client.getVersion();
		}
		catch (MilvusLocalException ex) {
			return null;
		}
	}

}
