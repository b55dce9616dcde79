package dev.milvusboot.client.internal.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.milvusboot.client.MilvusClientOptions;
import dev.milvusboot.client.PoolStatistics;
import dev.milvusboot.client.TlsOptions;
import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ConnectivityState;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;

/**
 * A fixed pool of gRPC channels (separate HTTP/2 connections) to one server, handed out round-robin so that many
 * threads do not queue behind one connection's concurrent-stream limit. Channels connect lazily, one first and the
 * others once it is ready (see {@link #next()}), and reconnect by themselves after the server restarts. Built by a client's first call. Internal API.
 * <p>
 * Tuned for CPU per call: a fixed flow-control window, so no flow-control pings. grpc-java's retry layer stays on,
 * although the {@link RpcInvoker} retries: it alone resends a call that never left this client (a transparent
 * retry), which even a non-idempotent insert may be.
 */
public final class ChannelPool implements AutoCloseable {

	private static final String USER_AGENT = "milvus-boot-java";

	/**
	 * The HTTP/2 flow-control window of each connection, fixed. grpc-java otherwise tunes it by itself, sending a
	 * PING with nearly every response it reads (and reading the server's answer): an extra frame each way per call
	 * that costs both ends CPU. 8 MiB is more than a connection's bandwidth-delay product on a LAN or loopback.
	 */
	static final int FLOW_CONTROL_WINDOW = 8 * 1024 * 1024;

	private final List<ManagedChannel> channels;

	private final AtomicInteger next = new AtomicInteger();

	public ChannelPool(MilvusClientOptions options, ClientInterceptor... interceptors) {
		ChannelCredentials credentials = channelCredentials(options.tls());
		List<ManagedChannel> channels = new ArrayList<>(options.poolSize());
		for (int i = 0; i < options.poolSize(); i++) {
			NettyChannelBuilder builder = NettyChannelBuilder
				.forAddress(options.endpoint().host(), options.endpoint().port(), credentials)
				.userAgent(USER_AGENT)
				.maxInboundMessageSize(options.maxInboundMessageSize())
				.maxInboundMetadataSize(64 * 1024)
				.flowControlWindow(FLOW_CONTROL_WINDOW)
				.keepAliveTime(options.keepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
				.keepAliveTimeout(options.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
				.keepAliveWithoutCalls(options.keepAliveWithoutCalls())
				.withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS,
						(int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
				.intercept(interceptors);
			if (options.tls() != null && options.tls().serverName() != null) {
				builder.overrideAuthority(options.tls().serverName());
			}
			channels.add(builder.build());
		}
		this.channels = List.copyOf(channels);
	}

	/**
	 * The next channel, round-robin among the connected ones. The pool connects one channel first and the others
	 * lazily: until a channel is ready, a call that would open another connection goes to the first channel (so the
	 * first calls of a client share one connection instead of opening them all at once); once one is ready, a
	 * channel not connected yet is asked to connect in the background and its turn goes to a ready one meanwhile.
	 * Without any ready channel (the server down) the turn is kept, as a plain round-robin would.
	 */
	public ManagedChannel next() {
		int size = this.channels.size();
		int index = Math.floorMod(this.next.getAndIncrement(), size);
		ManagedChannel chosen = this.channels.get(index);
		if (size == 1) {
			return chosen;
		}
		ConnectivityState state = chosen.getState(false);
		if (state == ConnectivityState.READY) {
			return chosen;
		}
		for (int i = 1; i < size; i++) {
			ManagedChannel other = this.channels.get((index + i) % size);
			if (other.getState(false) == ConnectivityState.READY) {
				if (state == ConnectivityState.IDLE) {
					chosen.getState(true); // connects in the background
				}
				return other;
			}
		}
		return (state == ConnectivityState.IDLE) ? this.channels.get(0) : chosen;
	}

	/**
	 * Makes the channels that failed to connect try again at once, instead of after grpc-java's own backoff (which
	 * grows to two minutes and meanwhile fails every call at once): retries then reach a server that came back.
	 */
	public void reconnectFailed() {
		for (ManagedChannel channel : this.channels) {
			if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
				channel.resetConnectBackoff();
			}
		}
	}

	/** The number of channels. */
	public int size() {
		return this.channels.size();
	}

	/**
	 * Counts the channels in each connectivity state, without triggering a connection.
	 * @param callsInFlight the operations in progress, to report with them
	 * @return the snapshot
	 */
	public PoolStatistics statistics(int callsInFlight) {
		Map<ConnectivityState, Integer> counts = new EnumMap<>(ConnectivityState.class);
		for (ManagedChannel channel : this.channels) {
			counts.merge(channel.getState(false), 1, Integer::sum);
		}
		return new PoolStatistics(this.channels.size(), counts.getOrDefault(ConnectivityState.READY, 0),
				counts.getOrDefault(ConnectivityState.CONNECTING, 0), counts.getOrDefault(ConnectivityState.IDLE, 0),
				counts.getOrDefault(ConnectivityState.TRANSIENT_FAILURE, 0),
				counts.getOrDefault(ConnectivityState.SHUTDOWN, 0), callsInFlight);
	}

	/** Whether every channel has been shut down and terminated. */
	public boolean isTerminated() {
		return this.channels.stream().allMatch(ManagedChannel::isTerminated);
	}

	@Override
	public void close() {
		this.channels.forEach(ManagedChannel::shutdown);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		try {
			for (ManagedChannel channel : this.channels) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !channel.awaitTermination(left, TimeUnit.NANOSECONDS)) {
					channel.shutdownNow();
				}
			}
		}
		catch (InterruptedException ex) {
			this.channels.forEach(ManagedChannel::shutdownNow);
			Thread.currentThread().interrupt();
		}
	}

	static ChannelCredentials channelCredentials(TlsOptions tls) {
		if (tls == null) {
			return InsecureChannelCredentials.create();
		}
		try {
			TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
			if (tls.trustCertificate() != null) {
				builder.trustManager(tls.trustCertificate().toFile());
			}
			else if (tls.trustManagerFactory() != null) {
				builder.trustManager(tls.trustManagerFactory().getTrustManagers());
			}
			if (tls.clientCertificate() != null) {
				builder.keyManager(tls.clientCertificate().toFile(), tls.clientKey().toFile());
			}
			else if (tls.keyManagerFactory() != null) {
				builder.keyManager(tls.keyManagerFactory().getKeyManagers());
			}
			return builder.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the TLS certificates or key: " + ex.getMessage(), ex);
		}
	}

}
