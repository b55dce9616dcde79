package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signals, stops and measures a process together with all its descendants. */
final class ProcessTree {

	private static final long POLL_MILLIS = 50;

	private ProcessTree() {
	}

	/**
	 * The process and its descendants, root first.
	 * @param root the root process
	 * @return the live processes of the tree
	 */
	static List<ProcessHandle> members(ProcessHandle root) {
		List<ProcessHandle> all = new ArrayList<>();
		all.add(root);
		root.descendants().forEach(all::add);
		return all;
	}

	/**
	 * Whether a process runs: alive and not a zombie waiting to be reaped.
	 * @param process the process
	 * @return whether it runs
	 */
	static boolean isRunning(ProcessHandle process) {
		if (!process.isAlive()) {
			return false;
		}
		Path stat = Paths.get("/proc", Long.toString(process.pid()), "stat");
		try {
			String text = Files.readString(stat);
			int end = text.lastIndexOf(')');
			return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
		}
		catch (IOException | RuntimeException ex) {
			return process.isAlive();
		}
	}

	/**
	 * Kills the whole tree at once (SIGKILL), then waits a little for it to go.
	 * @param root the root process
	 */
	static void killForcibly(ProcessHandle root) {
		List<ProcessHandle> members = members(root);
		for (int i = members.size() - 1; i >= 0; i--) {
			members.get(i).destroyForcibly();
		}
		awaitGone(members, Duration.ofSeconds(5));
	}

	/**
	 * Asks the whole tree to end (SIGTERM), and kills what is left after {@code grace}.
	 * @param root the root process
	 * @param grace how long to wait before SIGKILL
	 */
	static void stop(ProcessHandle root, Duration grace) {
		List<ProcessHandle> members = members(root);
		for (int i = members.size() - 1; i >= 0; i--) {
			members.get(i).destroy();
		}
		if (!awaitGone(members, grace)) {
			members.addAll(members(root));
			for (int i = members.size() - 1; i >= 0; i--) {
				members.get(i).destroyForcibly();
			}
			awaitGone(members, Duration.ofSeconds(5));
		}
	}

	/**
	 * Sends a signal with {@code kill -SIGNAL} to every member (SIGSTOP/SIGCONT have no Java API).
	 * @param root the root process
	 * @param signal the signal name without {@code SIG}, e.g. {@code STOP}
	 */
	static void signal(ProcessHandle root, String signal) {
		List<String> command = new ArrayList<>();
		command.add("kill");
		command.add("-" + signal);
		for (ProcessHandle member : members(root)) {
			command.add(Long.toString(member.pid()));
		}
		try {
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(kill.getInputStream().readAllBytes()).trim();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
						"'" + String.join(" ", command) + "' failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot run '" + String.join(" ", command) + "': " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Interrupted while sending SIG" + signal + " to process " + root.pid(), ex);
		}
	}

	/**
	 * The resident memory of the tree (sum of {@code VmRSS} of its members), from {@code /proc}.
	 * @param root the root process
	 * @return the bytes, or {@code -1} when {@code /proc} is not available
	 */
	static long residentBytes(ProcessHandle root) {
		long total = 0;
		boolean any = false;
		for (ProcessHandle member : members(root)) {
			Path status = Paths.get("/proc", Long.toString(member.pid()), "status");
			try {
				for (String line : Files.readAllLines(status)) {
					if (line.startsWith("VmRSS:")) {
						String[] parts = line.substring(6).trim().split("\\s+");
						total += Long.parseLong(parts[0]) * 1024;
						any = true;
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// the process went away or there is no /proc
			}
		}
		return any ? total : -1;
	}

	/**
	 * Waits until none of the processes runs.
	 * @param processes the processes
	 * @param timeout how long to wait
	 * @return whether all are gone
	 */
	static boolean awaitGone(List<ProcessHandle> processes, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			boolean anyRunning = false;
			for (ProcessHandle process : processes) {
				if (isRunning(process)) {
					anyRunning = true;
					break;
				}
			}
			if (!anyRunning) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

}
