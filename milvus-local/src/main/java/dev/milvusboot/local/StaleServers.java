package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds the processes that hold a server's data directory before a server is started there, and stops a leftover
 * of ours (an orphan of a killed JVM) or fails with {@link MilvusLocalException.Reason#DATA_DIRECTORY_LOCKED}.
 * A process holds the directory when its command line names it the way a server does ({@link Kind#references}),
 * or (Linux) when it holds a lock on the directory's lock file ({@code /proc/locks}). It is ours when its command
 * line is one of our launchers ({@link Kind#isOurs}): a server below our {@link Watchdog}, or the executable of one
 * of our installs.
 */
final class StaleServers {

	/** How long a leftover server may take to end after SIGTERM before it is killed. */
	static final Duration STOP_GRACE = Duration.ofSeconds(10);

	private static final int MAX_COMMAND_LINE = 400;

	private StaleServers() {
	}

	/** How the servers of one launcher name their data directory, and how ours look. */
	record Kind(String name, Predicate<List<String>> references, Predicate<List<String>> isOurs) {

		/**
		 * Milvus Lite 3.x: {@code .../venvs/milvus-lite-*}{@code /bin/milvus-lite server --data-dir D}.
		 * @param directory the data directory
		 * @return the kind
		 */
		static Kind pythonLite(Path directory) {
			String dir = directory.toAbsolutePath().normalize().toString();
			Pattern launcher = Pattern.compile(".*/venvs/milvus-lite-[^/]+/bin/milvus-lite");
			return new Kind("Milvus Lite", (argv) -> followedBy(argv, "--data-dir", dir),
					(argv) -> argv.stream().anyMatch((arg) -> launcher.matcher(arg).matches()));
		}

		/**
		 * Milvus Lite 2.x: {@code .../milvus-lite-native/<version>-<platform>/lib/milvus D/milvus.db ADDRESS LEVEL}.
		 * @param databaseFile the database file
		 * @return the kind
		 */
		static Kind nativeLite(Path databaseFile) {
			String file = databaseFile.toAbsolutePath().normalize().toString();
			Pattern launcher = Pattern.compile(".*/" + NativeInstaller.DIRECTORY + "/[^/]+/lib/"
					+ NativeInstaller.EXECUTABLE);
			return new Kind("Milvus Lite", (argv) -> argv.contains(file),
					(argv) -> argv.stream().anyMatch((arg) -> launcher.matcher(arg).matches()));
		}

		private static boolean followedBy(List<String> argv, String flag, String value) {
			for (int i = 0; i < argv.size(); i++) {
				if ((argv.get(i).equals(flag) && i + 1 < argv.size() && argv.get(i + 1).equals(value))
						|| argv.get(i).equals(flag + "=" + value)) {
					return true;
				}
			}
			return false;
		}

	}

	/** A process holding the directory. */
	record Holder(ProcessHandle process, String commandLine, boolean ours, boolean ofThisJvm) {

		String describe() {
			return "pid " + this.process.pid() + ": " + this.commandLine;
		}

	}

	/**
	 * Makes sure nothing holds the directory: stops leftovers of ours when told to, else fails.
	 * @param kind how servers of this launcher look
	 * @param directory the data directory (for messages)
	 * @param lockFile the file a server locks in it, or {@code null}
	 * @param stopStale whether to stop a leftover of ours
	 * @param progress told of each stopped server
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#DATA_DIRECTORY_LOCKED}
	 */
	static void clear(Kind kind, Path directory, Path lockFile, boolean stopStale, Consumer<String> progress) {
		List<Holder> holders = find(kind, lockFile);
		if (holders.isEmpty()) {
			return;
		}
		for (Holder holder : holders) {
			if (holder.ofThisJvm() || !holder.ours() || !stopStale) {
				throw locked(kind, directory, holder, null);
			}
		}
		for (Holder holder : holders) {
			progress.accept("Stopping a leftover " + kind.name() + " server (pid " + holder.process().pid()
					+ ") that still holds " + directory + ": " + holder.commandLine());
			ProcessTree.stop(holder.process(), STOP_GRACE);
		}
	}

	/**
	 * The failure for a directory that is held.
	 * @param kind the kind of server
	 * @param directory the directory
	 * @param holder the holder, or {@code null} when not known
	 * @param details more text (e.g. a log tail), or {@code null}
	 * @return the exception
	 */
	static MilvusLocalException locked(Kind kind, Path directory, Holder holder, String details) {
		String text;
		if (holder == null) {
			text = "The " + kind.name() + " data directory " + directory + " is locked by another process (not "
					+ "found among this user's processes). Stop it, or choose another data directory";
		}
		else if (holder.ofThisJvm()) {
			text = "The " + kind.name() + " data directory " + directory + " is used by another server started "
					+ "by this JVM (" + holder.describe() + "). Close that one first, or choose another data directory";
		}
		else if (holder.ours()) {
			text = "The " + kind.name() + " data directory " + directory + " is held by a leftover " + kind.name()
					+ " server (" + holder.describe() + "), left running by an application that was killed. Stop "
					+ "it (kill " + holder.process().pid() + "), or set milvus.lite.stop-stale-server=true "
					+ "(MilvusLite.Builder#stopStaleServer(true)) to have it stopped, or choose another data directory";
		}
		else {
			text = "The " + kind.name() + " data directory " + directory + " is held by a process this launcher did "
					+ "not start (" + holder.describe() + "). Stop it, or choose another data directory";
		}
		return new MilvusLocalException(MilvusLocalException.Reason.DATA_DIRECTORY_LOCKED,
				(details != null) ? text + "." + details : text);
	}

	/**
	 * The processes holding the directory, outermost first (a watchdog, not the server below it).
	 * @param kind how servers of this launcher look
	 * @param lockFile the file a server locks, or {@code null}
	 * @return the holders
	 */
	static List<Holder> find(Kind kind, Path lockFile) {
		long self = ProcessHandle.current().pid();
		Set<Long> lockers = lockHolders(lockFile);
		Map<Long, Holder> found = new LinkedHashMap<>();
		ProcessHandle.allProcesses().forEach((process) -> {
			if (process.pid() == self) {
				return;
			}
			List<String> argv = commandLine(process);
			boolean references = !argv.isEmpty() && kind.references().test(argv);
			if (references || lockers.contains(process.pid())) {
				boolean ours = references && kind.isOurs().test(argv);
				String commandLine = shorten(String.join(" ", argv));
				Optional<ProcessHandle> owner = liveOwner(process, argv);
				if (ours && owner.isPresent()) {
					// our watchdog ends its server when its JVM dies: this one's JVM lives, so it is not a leftover
					ours = false;
					commandLine += ", a server of the running process " + owner.get().pid() + " ("
							+ shorten(String.join(" ", commandLine(owner.get()))) + ")";
				}
				// a server this JVM started is its child (the watchdog, or the server itself without one)
				boolean ofThisJvm = references && process.parent().map(ProcessHandle::pid).orElse(-1L) == self;
				found.put(process.pid(), new Holder(process, commandLine, ours, ofThisJvm));
			}
		});
		List<Holder> outermost = new ArrayList<>();
		for (Holder holder : found.values()) {
			Optional<ProcessHandle> parent = holder.process().parent();
			if (parent.isEmpty() || !found.containsKey(parent.get().pid())) {
				outermost.add(holder);
			}
		}
		return outermost;
	}

	/**
	 * The pids holding a lock (flock or POSIX) on a file, from Linux' {@code /proc/locks}.
	 * @param file the file
	 * @return the pids, empty elsewhere or when the file does not exist
	 */
	static Set<Long> lockHolders(Path file) {
		Set<Long> pids = new HashSet<>();
		Path locks = Paths.get("/proc/locks");
		if (file == null || !Files.isRegularFile(file) || !Files.isReadable(locks)) {
			return pids;
		}
		try {
			String inode = Long.toString(((Number) Files.getAttribute(file, "unix:ino")).longValue());
			for (String line : Files.readAllLines(locks)) {
				String[] fields = line.trim().split("\\s+");
				// "1: FLOCK  ADVISORY  WRITE 6604 fe:00:9986053 0 EOF"; waiters have "->" in the second field
				if (fields.length >= 6 && !fields[1].equals("->") && fields[5].endsWith(":" + inode)) {
					pids.add(Long.parseLong(fields[4]));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// no inode numbers or no readable lock table: only command lines tell
		}
		return pids;
	}

	/** The live parent of a watchdog (the JVM that started it), if {@code argv} is one. */
	private static Optional<ProcessHandle> liveOwner(ProcessHandle process, List<String> argv) {
		if (argv.size() < 2 || !Watchdog.isWatchdog(argv.subList(1, argv.size()))) {
			return Optional.empty();
		}
		return process.parent().filter((parent) -> parent.pid() > 1 && ProcessTree.isRunning(parent));
	}

	private static List<String> commandLine(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		List<String> argv = new ArrayList<>();
		info.command().ifPresent(argv::add);
		info.arguments().ifPresent((arguments) -> argv.addAll(List.of(arguments)));
		return argv;
	}

	/** A long command line (a JVM's class path) without its middle, so that its start and end still show. */
	private static String shorten(String commandLine) {
		if (commandLine.length() <= MAX_COMMAND_LINE) {
			return commandLine;
		}
		int half = MAX_COMMAND_LINE / 2;
		return commandLine.substring(0, half) + " ... " + commandLine.substring(commandLine.length() - half);
	}

}
