package dev.milvusboot.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes directory trees (environments, temporary data and base directories) without following links. */
final class Directories {

	private Directories() {
	}

	/**
	 * Deletes a directory and everything below it; a link is deleted, not followed.
	 * @param directory the directory, or {@code null}
	 * @throws MilvusLocalException with {@link MilvusLocalException.Reason#IO_ERROR} if it cannot be deleted
	 */
	static void delete(Path directory) {
		if (directory == null || !Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
					Files.deleteIfExists(dir);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new MilvusLocalException(MilvusLocalException.Reason.IO_ERROR,
					"Cannot delete " + directory + ": " + ex, ex);
		}
	}

}
