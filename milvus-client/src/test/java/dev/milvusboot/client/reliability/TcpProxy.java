package dev.milvusboot.client.reliability;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a gRPC server, for cutting connections under a client's feet. It forwards
 * both ways, reading what clients send frame by frame (HTTP/2) so that it can count requests (HEADERS frames of
 * new streams). On command it holds back the server's answers (a call is then sent but unanswered), resets the
 * connection that carries a new request instead of forwarding it, resets every connection (RST), or stops
 * listening so that connecting is refused.
 */
final class TcpProxy implements AutoCloseable {

	private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

	private final int targetPort;

	private final int port;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "tcp-proxy");
		thread.setDaemon(true);
		return thread;
	});

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger requestsSeen = new AtomicInteger();

	private final AtomicInteger requestsForwarded = new AtomicInteger();

	private final AtomicInteger requestsToCut = new AtomicInteger();

	private final Object answers = new Object();

	private volatile boolean holdingAnswers;

	private volatile ServerSocket listener;

	private volatile boolean closed;

	private TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		acceptOn(this.listener);
	}

	/** Starts a proxy on a free port of 127.0.0.1 forwarding to a port of 127.0.0.1. */
	static TcpProxy to(int targetPort) throws IOException {
		return new TcpProxy(targetPort);
	}

	int port() {
		return this.port;
	}

	String uri() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Connections accepted so far. */
	int accepted() {
		return this.accepted.get();
	}

	/** New requests (gRPC calls or retries) that reached the proxy, forwarded or not. */
	int requestsSeen() {
		return this.requestsSeen.get();
	}

	/** New requests forwarded to the server. */
	int requestsForwarded() {
		return this.requestsForwarded.get();
	}

	/** Resets the connection carrying each of the next new requests instead of forwarding the request. */
	void cutNextRequests(int count) {
		this.requestsToCut.set(count);
	}

	/** Forwards every request again. */
	void stopCuttingRequests() {
		this.requestsToCut.set(0);
	}

	/** Keeps forwarding requests but holds back every answer until {@link #releaseAnswers()} or a cut. */
	void holdAnswers() {
		this.holdingAnswers = true;
	}

	void releaseAnswers() {
		synchronized (this.answers) {
			this.holdingAnswers = false;
			this.answers.notifyAll();
		}
	}

	/**
	 * Sends a call whose answer is lost: the answer is held back, and once the request was forwarded and
	 * {@code serverDone} returned (e.g. after seeing the server apply it), the connection is cut.
	 * @param caller where the call runs
	 * @return the call's outcome
	 */
	<T> Future<T> callAndLoseTheAnswer(ExecutorService caller, Callable<T> call, Runnable serverDone) {
		int before = requestsForwarded();
		holdAnswers();
		Future<T> result = caller.submit(call);
		Await.until("the request forwarded to the server", Duration.ofSeconds(5),
				() -> requestsForwarded() > before);
		serverDone.run();
		cutAll();
		releaseAnswers();
		return result;
	}

	/** Resets every open connection at once (RST to the client); held answers are lost. */
	int cutAll() {
		int cut = 0;
		for (Socket socket : this.sockets) {
			reset(socket);
			cut++;
		}
		return cut;
	}

	/** Stops listening, so that connecting is refused, and cuts the open connections. */
	void refuseConnections() throws IOException {
		ServerSocket current = this.listener;
		this.listener = null;
		if (current != null) {
			current.close();
		}
		cutAll();
	}

	/** Listens again on the same port. */
	void acceptConnections() throws IOException {
		if (this.listener == null) {
			this.listener = listen(this.port);
			acceptOn(this.listener);
		}
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(LOOPBACK, port), 50);
		return socket;
	}

	private void acceptOn(ServerSocket server) {
		this.threads.execute(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					this.accepted.incrementAndGet();
					this.sockets.add(client);
					Socket upstream;
					try {
						upstream = new Socket(LOOPBACK, this.targetPort);
					}
					catch (IOException ex) {
						reset(client);
						continue;
					}
					client.setTcpNoDelay(true);
					upstream.setTcpNoDelay(true);
					this.sockets.add(upstream);
					this.threads.execute(() -> forwardRequests(client, upstream));
					this.threads.execute(() -> forwardAnswers(upstream, client));
				}
				catch (IOException ex) {
					// listener closed, or the server refused: the client sees its connection end
				}
			}
		});
	}

	/** Client to server, frame by frame: the 24-byte HTTP/2 preface, then 9-byte frame headers and payloads. */
	private void forwardRequests(Socket from, Socket to) {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(from.getInputStream()));
				OutputStream out = to.getOutputStream()) {
			byte[] preface = new byte[24];
			in.readFully(preface);
			send(out, preface, new byte[0]);
			byte[] header = new byte[9];
			while (true) {
				in.readFully(header);
				byte[] payload = new byte[((header[0] & 0xff) << 16) | ((header[1] & 0xff) << 8) | (header[2] & 0xff)];
				in.readFully(payload);
				int stream = ((header[5] & 0x7f) << 24) | ((header[6] & 0xff) << 16) | ((header[7] & 0xff) << 8)
						| (header[8] & 0xff);
				if (header[3] == 0x1 && stream != 0) {
					this.requestsSeen.incrementAndGet();
					if (this.requestsToCut.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
						return;
					}
					this.requestsForwarded.incrementAndGet();
				}
				send(out, header, payload);
			}
		}
		catch (IOException ex) {
			// cut, or closed by the other side
		}
		finally {
			reset(from);
			reset(to);
		}
	}

	private void send(OutputStream out, byte[] header, byte[] payload) throws IOException {
		out.write(header);
		out.write(payload);
		out.flush();
	}

	/** Server to client, as it comes, unless answers are held. */
	private void forwardAnswers(Socket from, Socket to) {
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				awaitAnswersReleased(from);
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException | InterruptedException ex) {
			// cut, or closed by the other side
		}
		finally {
			reset(from);
			reset(to);
		}
	}

	private void awaitAnswersReleased(Socket from) throws InterruptedException, SocketException {
		synchronized (this.answers) {
			while (this.holdingAnswers && !from.isClosed() && !this.closed) {
				this.answers.wait(20);
			}
		}
		if (from.isClosed()) {
			throw new SocketException("cut while holding an answer");
		}
	}

	private void reset(Socket socket) {
		this.sockets.remove(socket);
		try {
			if (!socket.isClosed()) {
				socket.setSoLinger(true, 0);
				socket.close();
			}
		}
		catch (IOException ex) {
			// already gone
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		releaseAnswers();
		refuseConnections();
		this.threads.shutdownNow();
		try {
			this.threads.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
