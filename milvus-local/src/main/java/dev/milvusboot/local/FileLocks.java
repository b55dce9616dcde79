package dev.milvusboot.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Exclusive locks on a lock file that hold across threads of this JVM (a {@link Semaphore} per path, so any thread
 * may release) and
 * across processes ({@link FileChannel#lock()}), waiting at most a given time.
 */
final class FileLocks {

	private static final ConcurrentHashMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

	private static final long POLL_MILLIS = 250;

	private FileLocks() {
	}

	/** A held lock; {@link #close()} releases it. */
	static final class Held implements AutoCloseable {

		private final Semaphore jvmLock;

		private boolean released;

		private final FileChannel channel;

		private final FileLock fileLock;

		private Held(Semaphore jvmLock, FileChannel channel, FileLock fileLock) {
			this.jvmLock = jvmLock;
			this.channel = channel;
			this.fileLock = fileLock;
		}

		@Override
		public synchronized void close() {
			if (this.released) {
				return;
			}
			this.released = true;
			try {
				this.fileLock.release();
				this.channel.close();
			}
			catch (IOException ex) {
				// the lock goes away with the channel anyway
			}
			finally {
				this.jvmLock.release();
			}
		}

	}

	/**
	 * Acquires the lock, waiting at most {@code timeout}.
	 * @param lockFile the lock file (created with its parent directories)
	 * @param timeout how long to wait
	 * @param what what the lock guards, for messages
	 * @param progress told once when another holder makes us wait
	 * @return the held lock
	 */
	static Held acquire(Path lockFile, Duration timeout, String what, Consumer<String> progress) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Path key = lockFile.toAbsolutePath().normalize();
		Semaphore jvmLock = IN_JVM.computeIfAbsent(key, k -> new Semaphore(1));
		try {
			if (!jvmLock.tryAcquire()) {
				progress.accept("Waiting for another thread that is " + what + " (lock " + key + ")");
				if (!jvmLock.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					throw timeout(key, timeout, what);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while waiting for lock " + key + " (" + what + ")", ex);
		}
		FileChannel channel = null;
		try {
			Files.createDirectories(key.getParent());
			channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			boolean told = false;
			while (true) {
				FileLock fileLock = channel.tryLock();
				if (fileLock != null) {
					return new Held(jvmLock, channel, fileLock);
				}
				if (!told) {
					progress.accept("Waiting for another process that is " + what + " (lock " + key + ")");
					told = true;
				}
				if (System.nanoTime() > deadline) {
					throw timeout(key, timeout, what);
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
		catch (IOException ex) {
			closeQuietly(channel);
			jvmLock.release();
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot lock " + key + " (" + what + "): " + ex, ex);
		}
		catch (InterruptedException ex) {
			closeQuietly(channel);
			jvmLock.release();
			Thread.currentThread().interrupt();
			throw new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT,
					"Interrupted while waiting for lock " + key + " (" + what + ")", ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			jvmLock.release();
			throw ex;
		}
	}

	/**
	 * Tries once to take the lock without waiting.
	 * @param lockFile the lock file
	 * @return the held lock, or {@code null} when someone else holds it
	 */
	static Held tryAcquire(Path lockFile) {
		Path key = lockFile.toAbsolutePath().normalize();
		Semaphore jvmLock = IN_JVM.computeIfAbsent(key, k -> new Semaphore(1));
		if (!jvmLock.tryAcquire()) {
			return null;
		}
		FileChannel channel = null;
		try {
			Files.createDirectories(key.getParent());
			channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock fileLock = channel.tryLock();
			if (fileLock != null) {
				return new Held(jvmLock, channel, fileLock);
			}
		}
		catch (IOException ex) {
			// treated as held by someone else
		}
		closeQuietly(channel);
		jvmLock.release();
		return null;
	}

	private static MilvusLocalException timeout(Path key, Duration timeout, String what) {
		return new MilvusLocalException(MilvusLocalException.Reason.TIMEOUT, "Gave up after " + timeout.toSeconds()
				+ " s waiting for lock " + key + " held by another process or thread that is " + what);
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				// nothing to do
			}
		}
	}

}
