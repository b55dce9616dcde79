package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every local server does the same way: its reserved ports, its directory (a temporary one unless given),
 * and the life of its {@link ServerProcess}: start once installed, stop, kill, pause, resume, restart and close.
 * A server says how it is installed ({@link #install()}) and what process it runs ({@link #newProcess()}).
 *
 * @param <S> the server
 * @param <B> its builder
 */
abstract class AbstractLocalServer<S extends AbstractLocalServer<S, B>, B extends LocalServerBuilder<B, S>>
		implements MilvusLocalServer {

	final B settings;

	private final Ports.Reservation port;

	private final List<Ports.Reservation> otherPorts = new ArrayList<>();

	private final Path directory;

	private final boolean temporaryDirectory;

	private final Duration stopGrace;

	private volatile ServerProcess process;

	private volatile String serverVersion;

	/**
	 * Reserves the port (the given one, else a free one) and makes a temporary directory unless one is given.
	 * @param settings the settings
	 * @param directory the server's directory, or {@code null} for a temporary one
	 * @param temporaryPrefix the name prefix of a temporary directory
	 * @param stopGrace how long a stopping server may take before it is killed
	 */
	AbstractLocalServer(B settings, Path directory, String temporaryPrefix, Duration stopGrace) {
		this.settings = settings;
		this.stopGrace = stopGrace;
		this.port = (settings.port != 0) ? Ports.reserve(settings.cacheDirectory, settings.port, settings.serverName)
				: Ports.reserveFree(settings.cacheDirectory);
		try {
			this.temporaryDirectory = directory == null;
			this.directory = (directory != null) ? directory.toAbsolutePath()
					: Files.createTempDirectory(temporaryPrefix);
		}
		catch (IOException ex) {
			this.port.close();
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot create a temporary directory for " + settings.serverName + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reserves one more free port, given back on {@link #close()}; on failure this server is closed.
	 * @return the port
	 */
	final Ports.Reservation reserveOtherPort() {
		try {
			Ports.Reservation reserved = Ports.reserveFree(this.settings.cacheDirectory);
			this.otherPorts.add(reserved);
			return reserved;
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Installs the server if it is not yet. */
	abstract void install();

	/** Prepares the directories and makes the process to start (not started yet). */
	abstract ServerProcess newProcess();

	/**
	 * Starts the process and waits until it is ready; by default {@link ServerProcess#start()}.
	 * @param process the process
	 */
	void launch(ServerProcess process) {
		process.start();
	}

	/** Called after the process was stopped or killed, also when that failed. */
	void stopped() {
	}

	/**
	 * Installs the server if needed and starts it; returns when it answers gRPC calls.
	 * @return this server
	 * @throws MilvusLocalException saying why it could not start (with the server's last log lines)
	 */
	public synchronized S start() {
		install();
		if (!isRunning()) {
			ServerProcess created = newProcess();
			this.process = created;
			launch(created);
			this.serverVersion = created.version();
		}
		return self();
	}

	/**
	 * The process with the settings all servers share: its log, port, time limits, watchdog and progress.
	 * @param name the server's name with its version
	 * @param command the command line
	 * @return the process builder
	 */
	final ServerProcessBuilder processBuilder(String name, List<String> command) {
		return new ServerProcessBuilder(name, command)
			.logFile(logFile())
			.port(reservedPort())
			.startupTimeout(this.settings.startupTimeout)
			.stopGrace(this.stopGrace)
			.watchdog(this.settings.cacheDirectory)
			.progress(this.settings.progress);
	}

	/** The server's own directory: Milvus Lite's data directory, Milvus standalone's base directory. */
	final Path directory() {
		return this.directory;
	}

	final int reservedPort() {
		return this.port.port();
	}

	/** The current process, or {@code null} before the first start. */
	final ServerProcess process() {
		return this.process;
	}

	@Override
	public String host() {
		return ServerProcess.HOST;
	}

	@Override
	public int port() {
		return reservedPort();
	}

	@Override
	public String uri() {
		return "http://" + ServerProcess.HOST + ":" + port();
	}

	@Override
	public String serverVersion() {
		return this.serverVersion;
	}

	@Override
	public long pid() {
		ServerProcess current = this.process;
		return (current != null) ? current.pid() : -1;
	}

	@Override
	public boolean isRunning() {
		ServerProcess current = this.process;
		return current != null && current.isRunning();
	}

	@Override
	public long residentMemoryBytes() {
		ServerProcess current = this.process;
		return (current != null) ? current.residentBytes() : -1;
	}

	@Override
	public synchronized void stop() {
		end(ServerProcess::stop);
	}

	@Override
	public synchronized void kill() {
		end(ServerProcess::kill);
	}

	private void end(Consumer<ServerProcess> how) {
		try {
			ServerProcess current = this.process;
			if (current != null) {
				how.accept(current);
			}
		}
		finally {
			stopped();
		}
	}

	@Override
	public void pause() {
		requireProcess().signal("STOP");
	}

	@Override
	public void resume() {
		requireProcess().signal("CONT");
	}

	@Override
	public synchronized S restart() {
		stop();
		return start();
	}

	/** Stops the server and gives its ports back; a temporary directory and the server's log are deleted. */
	@Override
	public synchronized void close() {
		try {
			stop();
		}
		finally {
			this.port.close();
			this.otherPorts.forEach(Ports.Reservation::close);
			if (this.temporaryDirectory) {
				try {
					Directories.delete(this.directory);
					Files.deleteIfExists(logFile());
				}
				catch (IOException | MilvusLocalException ex) {
					// left for the OS to clean
				}
			}
		}
	}

	private ServerProcess requireProcess() {
		ServerProcess current = this.process;
		if (current == null) {
			throw new MilvusLocalException(MilvusLocalException.Reason.NOT_RUNNING,
					this.settings.serverName + " on port " + port() + " has not been started");
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

}
