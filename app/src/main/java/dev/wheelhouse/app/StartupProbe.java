package dev.wheelhouse.app;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reports how long the process took to show its first frame, when asked to: for the startup
 * benchmark (modules/bench), the AOT cache's training run and the installer check in CI.
 * Silent unless one of the system properties below is set, so users never see it.
 *
 * <ul>
 *   <li>{@value #REPORT_FILE} = a file path: write the report there (replacing the file
 *       atomically, so a reader never sees half of it) and print {@code wheelhouse: first frame
 *       after N ms} to stderr;
 *   <li>{@value #EXIT_AFTER_FIRST_FRAME} = {@code true}: print that line and quit the app once
 *       the frame is shown, after {@value #EXIT_DELAY_MS} milliseconds (default 0) so that a
 *       training run also covers the work the window starts in the background.
 * </ul>
 *
 * The report is in {@link java.util.Properties} form: {@code firstFrameMs} (process start to
 * first frame), {@code processStartEpochMs}, {@code firstFrameEpochMs} and {@code cpuMs} (the
 * CPU time the process had used by then, all threads; -1 if unknown), which tells a slow start
 * from a busy machine.
 *
 * <p>No JavaFX here: the window calls {@link #firstFrameShown(Runnable)} once its first frame has
 * been rendered (the pulse after the one that showed the stage), passing {@code Platform::exit}.
 */
public final class StartupProbe {
    public static final String REPORT_FILE = "wheelhouse.startup.report";
    public static final String EXIT_AFTER_FIRST_FRAME = "wheelhouse.startup.exitAfterFirstFrame";
    public static final String EXIT_DELAY_MS = "wheelhouse.startup.exitDelayMs";

    private static final StartupProbe PROCESS = new StartupProbe(
            System::getProperty, StartupProbe::processStart, Instant::now, StartupProbe::cpuMillis, System.err);

    private final UnaryOperator<String> properties;
    private final Supplier<Instant> processStart;
    private final Supplier<Instant> clock;
    private final PrintStream err;
    private final LongSupplier cpuTime;
    private final AtomicBoolean reported = new AtomicBoolean();

    StartupProbe(UnaryOperator<String> properties, Supplier<Instant> processStart,
            Supplier<Instant> clock, LongSupplier cpuTime, PrintStream err) {
        this.properties = Objects.requireNonNull(properties);
        this.processStart = Objects.requireNonNull(processStart);
        this.clock = Objects.requireNonNull(clock);
        this.cpuTime = Objects.requireNonNull(cpuTime);
        this.err = Objects.requireNonNull(err);
    }

    /** Whether this process was asked for a report; the window may skip its frame hook if not. */
    public static boolean requested() {
        return PROCESS.isRequested();
    }

    /** The first frame is on screen; exits with {@code System.exit(0)} if asked to exit. */
    public static void firstFrameShown() {
        PROCESS.report(() -> System.exit(0));
    }

    /**
     * The first frame is on screen. Reports once per process (later calls do nothing) and, if
     * asked to exit, runs {@code exitApp} (the window passes {@code Platform::exit}).
     */
    public static void firstFrameShown(Runnable exitApp) {
        PROCESS.report(exitApp);
    }

    boolean isRequested() {
        return reportFile() != null || exitAfterFirstFrame();
    }

    /** Returns the milliseconds from process start to now, or -1 when nothing was asked. */
    long report(Runnable exitApp) {
        Objects.requireNonNull(exitApp);
        if (!isRequested() || !reported.compareAndSet(false, true)) {
            return -1;
        }
        Instant shown = clock.get();
        Instant start = processStart.get();
        long elapsed = shown.toEpochMilli() - start.toEpochMilli();
        Path file = reportFile();
        if (file != null) {
            write(file, "firstFrameMs=" + elapsed + "\n"
                    + "processStartEpochMs=" + start.toEpochMilli() + "\n"
                    + "firstFrameEpochMs=" + shown.toEpochMilli() + "\n"
                    + "cpuMs=" + cpuTime.getAsLong() + "\n");
        }
        err.println("wheelhouse: first frame after " + elapsed + " ms");
        err.flush();
        if (exitAfterFirstFrame()) {
            long delay = exitDelayMs();
            if (delay <= 0) {
                exitApp.run();
            } else {
                Thread.ofPlatform().daemon().name("startup-probe-exit").start(() -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exitApp.run();
                });
            }
        }
        return elapsed;
    }

    private Path reportFile() {
        String value = properties.apply(REPORT_FILE);
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    private boolean exitAfterFirstFrame() {
        return Boolean.parseBoolean(properties.apply(EXIT_AFTER_FIRST_FRAME));
    }

    private long exitDelayMs() {
        String value = properties.apply(EXIT_DELAY_MS);
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            err.println("wheelhouse: ignoring -D" + EXIT_DELAY_MS + "=" + value + " (not a number of milliseconds)");
            return 0;
        }
    }

    private void write(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            // A measuring aid must never take the console down: say so and carry on.
            err.println("wheelhouse: cannot write the startup report " + file + ": " + e.getMessage());
        }
    }

    /**
     * When the OS started this process (before the JVM: the launcher's time counts), else when
     * the JVM started. Linux: /proc/self/stat's start tick (USER_HZ = 100, so good to 10 ms)
     * against /proc/uptime. Not ProcessHandle.Info.startInstant(): Linux counts that from the
     * boot time in whole seconds, so it can be off by up to a second.
     */
    static Instant processStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // Fields after "pid (comm) ": state is field 3, starttime field 22 (clock ticks after boot).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[22 - 3]);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII).split(" ")[0];
            long sinceBootMs = Math.round(Double.parseDouble(uptime) * 1000);
            return Instant.ofEpochMilli(System.currentTimeMillis() - sinceBootMs + startTicks * 10);
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .orElseGet(() -> Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
        }
    }

    /** CPU time of the whole process so far (every thread, user and system), or -1. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }
}
