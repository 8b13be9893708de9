package dev.wheelhouse.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;

/**
 * A few reusable connections. Each caller borrows one for the whole of a read or an append and
 * gives it back; a connection that failed is closed rather than reused, so a broken remote
 * session (the process serving the file exited) is never handed out again. We keep our own
 * instead of H2's JdbcConnectionPool because that one cannot be told a connection is broken.
 */
final class ConnectionPool implements AutoCloseable {

    private final DataSource source;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    ConnectionPool(DataSource source, int maxIdle) {
        this.source = source;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    /** An idle connection in auto-commit mode, or a new one. */
    Connection borrow() throws SQLException {
        if (closed) {
            throw new IllegalStateException("the history store is closed");
        }
        Connection c = idle.poll();
        return c != null ? c : source.getConnection();
    }

    /** Gives a connection back; {@code healthy} false (or the pool full or closed) closes it. */
    void release(Connection c, boolean healthy) {
        if (c == null) {
            return;
        }
        if (healthy && !closed && idle.offer(c)) {
            if (closed && idle.remove(c)) {
                closeQuietly(c); // close() ran between the check and the offer
            }
            return;
        }
        closeQuietly(c);
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            closeQuietly(c);
        }
    }

    static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // closing a broken connection may fail; there is nothing left to release
        }
    }
}
