package dev.wheelhouse.ops;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which journaled operations a live process is still running: each running operation holds an
 * OS file lock on {@code <dir>/<id>.lock}. The OS drops the lock when the process dies however
 * it dies (kill -9 included), so an operation journaled as RUNNING whose file is not locked was
 * interrupted. The history is local to the data directory, and so are these files.
 */
public final class RunMarkers {
    private final Path dir;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();

    private record Held(FileChannel channel, FileLock lock, Path file) {}

    public RunMarkers(Path dir) {
        this.dir = dir;
    }

    /** The markers of a data directory (the same one as its history). */
    public static RunMarkers in(Path dataDir) {
        return new RunMarkers(dataDir.resolve("running"));
    }

    /** Marks the operation as running in this process until {@link #finished}. */
    public void running(long operationId) {
        Path file = file(operationId);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("operation " + operationId + " is marked as running by another process (" + file + ")");
            }
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            held.put(operationId, new Held(channel, lock, file));
        } catch (IOException e) {
            // Without a marker the operation still runs and is journaled; it may show as interrupted meanwhile.
            throw new java.io.UncheckedIOException("cannot mark operation " + operationId + " as running in " + dir, e);
        }
    }

    public void finished(long operationId) {
        Held h = held.remove(operationId);
        if (h == null) {
            return;
        }
        try {
            h.lock().release();
            h.channel().close();
            Files.deleteIfExists(h.file());
        } catch (IOException e) {
            // A stale unlocked file reads as "not running", which is the truth now.
        }
    }

    /** Whether a live process (this one or another) runs the operation now. */
    public boolean alive(long operationId) {
        if (held.containsKey(operationId)) {
            return true;
        }
        Path file = file(operationId);
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Journaled as RUNNING, marked as running, and the mark no longer held: its process died at its
     * last journaled step. An operation run by an engine without markers has no mark and is never
     * called interrupted (nothing can tell whether it still runs).
     */
    public boolean interrupted(dev.wheelhouse.core.history.OperationRecord op) {
        return op.outcome() == dev.wheelhouse.core.history.Outcome.RUNNING && Files.exists(file(op.id())) && !alive(op.id());
    }

    private Path file(long operationId) {
        return dir.resolve(operationId + ".lock");
    }
}
