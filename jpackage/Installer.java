import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Wheelhouse's native installer with the JDK's jpackage, in three steps:
 * <ol>
 *   <li>an application image: the distribution's jars on the class path (their entries stored,
 *       not deflated, so the installer's own compression works on the classes) and a runtime
 *       jlinked from {@code runtime-modules.args} (checked against jdeps first);
 *   <li>a JDK 25 AOT cache (JEP 483/514): the image's own launcher opens the console window once
 *       (under Xvfb when there is no display) on the practice sandbox, served by the image's
 *       {@code wheelhouse sandbox}, and exits 8 s after its first frame; the cache is
 *       stored in the image and named in the launcher's java-options, then proven usable with
 *       {@code -XX:AOTMode=on};
 *   <li>the installers of this platform from that image ({@code --app-image}): Linux deb (and
 *       rpm on request), Windows msi, macOS dmg.
 * </ol>
 * The options live in the argument files next to this one; this program only orders the steps.
 * It runs from the repository root: {@code ./mvnw -Pinstaller -DskipTests package} calls it
 * (app/pom.xml), and by hand:
 * <pre>
 * java jpackage/Installer.java build --version=0.1.0-SNAPSHOT --input=app/target/wheelhouse/lib \
 *     --main-jar=wheelhouse-app-0.1.0-SNAPSHOT.jar --dest=app/target/installer
 * java jpackage/Installer.java modules --input=app/target/wheelhouse/lib
 * </pre>
 * Options of {@code build}: {@code --types=deb,rpm} (default: the platform's own), {@code --aot=false},
 * {@code --linux-shortcut=false}.
 */
public final class Installer {
    static final String AOT_CACHE = "wheelhouse.aot";
    static final String AOT_OPTION = "java-options=-XX:AOTCache=$APPDIR/" + AOT_CACHE;
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);
    static final Duration SANDBOX_START_TIMEOUT = Duration.ofMinutes(1);
    /** How long the training session lasts after the first frame: time to connect and list the sandbox. */
    static final long TRAINING_SESSION_MS = 8000;

    public static void main(String[] args) {
        try {
            if (args.length == 0) {
                throw new Failure("usage: java jpackage/Installer.java build|modules --option=value ...");
            }
            Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "build" -> new Installer(options).build();
                case "modules" -> new Installer(options).printModules();
                default -> throw new Failure("unknown command '" + args[0] + "': build or modules");
            }
        } catch (Failure e) {
            System.err.println("installer: " + e.getMessage());
            System.exit(1);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("installer: " + e);
            System.exit(1);
        }
    }

    private final Map<String, String> options;
    private final Os os = Os.current();
    private final Path root = Path.of("").toAbsolutePath();
    private final Path jpackageDir = root.resolve("jpackage");
    private final Path javaHome = Path.of(System.getProperty("java.home"));

    Installer(Map<String, String> options) {
        this.options = options;
        if (!Files.isRegularFile(jpackageDir.resolve("app.args"))) {
            throw new Failure("run me from the repository root (no jpackage/app.args in " + root + ")");
        }
    }

    void build() throws IOException {
        String version = required("version");
        Path input = existingDir(required("input"));
        String mainJar = required("main-jar");
        if (!Files.isRegularFile(input.resolve(mainJar))) {
            throw new Failure("the main jar " + mainJar + " is not in " + input + "; run `./mvnw -DskipTests package` first");
        }
        Path dest = root.resolve(required("dest"));
        boolean aot = Boolean.parseBoolean(options.getOrDefault("aot", "true"));
        boolean shortcut = Boolean.parseBoolean(options.getOrDefault("linux-shortcut", "true"));
        List<String> types = types(options.getOrDefault("types", ""));
        String appVersion = appVersion(version);

        checkModules(input);
        Path payload = storedJars(input, dest.resolve("input"));

        Path images = dest.resolve("image");
        deleteRecursively(images);
        Files.createDirectories(images);
        List<String> imageArgs = new ArrayList<>(List.of(
                "@jpackage/app.args", "@jpackage/runtime-modules.args", "@jpackage/" + os.id + "-app-image.args",
                "--type", "app-image", "--input", payload.toString(), "--main-jar", mainJar,
                "--app-version", appVersion, "--dest", images.toString()));
        if (os == Os.MACOS) {
            imageArgs.addAll(List.of("--icon", macIcon(dest).toString()));
        }
        step("application image (jlink + jpackage --type app-image)");
        jpackage(imageArgs);
        AppImage image = AppImage.find(os, images);

        if (aot) {
            train(image, dest.resolve("aot-training"));
        } else {
            step("AOT cache: skipped (-Dinstaller.aot=false); the console starts without it");
        }

        for (String type : types) {
            step(type + " package (jpackage --type " + type + " --app-image)");
            try (Stream<Path> old = Files.list(dest)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                    Files.delete(p);
                }
            }
            List<String> packageArgs = new ArrayList<>(List.of(
                    "@jpackage/package.args", "@jpackage/" + os.id + "-" + type + ".args",
                    "--type", type, "--app-image", image.dir().toString(), "--app-version", appVersion,
                    "--dest", dest.toString()));
            if (os == Os.LINUX) {
                packageArgs.addAll(List.of("--resource-dir", linuxResources(dest, image, shortcut).toString()));
                if (shortcut) {
                    packageArgs.add("@jpackage/linux-shortcut.args");
                }
            }
            jpackage(packageArgs);
        }

        step("done");
        System.out.printf("  application image  %s  (%s)%n", root.relativize(image.dir()), megabytes(sizeOf(image.dir())));
        try (Stream<Path> built = Files.list(dest)) {
            for (Path p : built.filter(p -> types.stream().anyMatch(t -> p.toString().endsWith("." + t))).sorted().toList()) {
                System.out.printf("  %-17s  %s  (%s)%n", "installer", root.relativize(p), megabytes(Files.size(p)));
            }
        }
    }

    /** jdeps' view of what the jars need, beside what runtime-modules.args links. */
    void printModules() throws IOException {
        Path input = existingDir(required("input"));
        Set<String> needed = jdepsModules(input);
        Set<String> linked = linkedModules();
        System.out.println("jdeps --print-module-deps (" + input + "):");
        System.out.println("  " + String.join(",", needed));
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(linked);
        Set<String> extra = new TreeSet<>(linked);
        extra.removeAll(needed);
        System.out.println("missing from jpackage/runtime-modules.args: " + (missing.isEmpty() ? "none" : String.join(",", missing)));
        System.out.println("linked beyond jdeps' list (kept on purpose, see the file): " + String.join(",", extra));
    }

    private void checkModules(Path input) throws IOException {
        step("runtime modules (jdeps over " + root.relativize(input) + ")");
        Set<String> missing = new TreeSet<>(jdepsModules(input));
        missing.removeAll(linkedModules());
        if (!missing.isEmpty()) {
            throw new Failure("the application's jars need JDK modules that jpackage/runtime-modules.args does not link: "
                    + String.join(",", missing) + ". Add them there (with a word on who needs them) and build again.");
        }
    }

    private Set<String> jdepsModules(Path input) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                tool("jdeps"), "--ignore-missing-deps", "--multi-release", Integer.toString(Runtime.version().feature()),
                "--print-module-deps"));
        try (Stream<Path> jars = Files.list(input)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).forEach(command::add);
        }
        Result result = run(command, Map.of(), Duration.ofMinutes(3), null);
        if (result.exit() != 0) {
            throw new Failure("jdeps failed (exit " + result.exit() + "):\n" + result.output());
        }
        String last = result.output().strip().lines().reduce((a, b) -> b).orElse("");
        if (!last.matches("[a-z0-9.,]+")) {
            throw new Failure("cannot read jdeps' module list from:\n" + result.output());
        }
        return new TreeSet<>(List.of(last.split(",")));
    }

    private Set<String> linkedModules() throws IOException {
        Set<String> modules = new TreeSet<>();
        List<String> tokens = argFileTokens(jpackageDir.resolve("runtime-modules.args"));
        for (int i = 0; i < tokens.size() - 1; i++) {
            if (tokens.get(i).equals("--add-modules")) {
                modules.addAll(List.of(tokens.get(i + 1).split(",")));
            }
        }
        return modules;
    }

    /**
     * A copy of the jars with every entry stored, not deflated. The package's own compression
     * (xz in a .deb) then works on the class files themselves: the jars' share of the .deb falls
     * from about 50 MB to about 22 MB, for some 80 MB more on disk (and no inflating at class
     * loading). Signed jars are copied as they are.
     */
    private Path storedJars(Path input, Path copy) throws IOException {
        step("jars with stored entries (" + root.relativize(copy) + ")");
        deleteRecursively(copy);
        Files.createDirectories(copy);
        long before = 0;
        long after = 0;
        try (Stream<Path> files = Files.list(input)) {
            for (Path file : files.sorted().toList()) {
                Path target = copy.resolve(file.getFileName());
                if (file.toString().endsWith(".jar") && !isSigned(file)) {
                    storeEntries(file, target);
                } else {
                    Files.copy(file, target);
                }
                before += Files.size(file);
                after += Files.size(target);
            }
        }
        System.out.printf("  %s of jars became %s%n", megabytes(before), megabytes(after));
        return copy;
    }

    private static boolean isSigned(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName)
                    .anyMatch(n -> n.startsWith("META-INF/") && n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"));
        }
    }

    static void storeEntries(Path jar, Path target) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (ZipEntry entry : in.stream().toList()) {
                byte[] bytes;
                try (var data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                ZipEntry stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                CRC32 crc = new CRC32();
                crc.update(bytes);
                stored.setCrc(crc.getValue());
                stored.setTime(entry.getTime());
                if (entry.getExtra() != null) {
                    stored.setExtra(entry.getExtra());
                }
                out.putNextEntry(stored);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }

    /**
     * The AOT training run: the image's own launcher and runtime, so the cache matches the class
     * path and JVM the installed app uses (JDK 25 accepts the image at another path, e.g.
     * /opt/wheelhouse, when the jars keep their relative places).
     *
     * <p>What it trains is a first session: the console opens its window on the practice
     * sandbox's environments (served by the image's own {@code wheelhouse sandbox} in a second
     * process), connects the first one as it does at every start, and exits
     * {@value #TRAINING_SESSION_MS} ms after its first frame. Trained on the window alone, the
     * cache left the Kubernetes client, its JSON readers and the live model to load cold on
     * connecting: 3.2-4.0 s to list 10,000 pods instead of 2.7-2.8 s (docs/BENCHMARKS.md,
     * Views). ViewsBenchmark trains its own cache with the same session (ConsoleTraining).
     */
    private void train(AppImage image, Path work) throws IOException {
        step("AOT cache (training run: a first session on the practice sandbox, "
                + TRAINING_SESSION_MS / 1000 + " s after the first frame)");
        deleteRecursively(work);
        Path data = Files.createDirectories(work.resolve("data"));
        Path workspace = data.resolve("workspace.yaml");
        Path kubeconfig = work.resolve("kubeconfig");
        Path none = Files.createDirectories(work.resolve("empty"));
        Path sshConfig = Files.writeString(none.resolve("ssh_config"), "");
        Path report = work.resolve("first-frame.properties");
        Path cache = image.appDir().resolve(AOT_CACHE);
        Files.deleteIfExists(cache);

        Process sandbox = startSandbox(image, work, kubeconfig, workspace);
        try {
            List<String> command = new ArrayList<>();
            if (os == Os.LINUX && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
                if (!onPath("xvfb-run")) {
                    throw new Failure("the AOT training run opens the window, but there is no DISPLAY and no xvfb-run: "
                            + "install xvfb (apt-get install xvfb xauth), or build without the cache: -Dinstaller.aot=false");
                }
                command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"));
            }
            command.addAll(List.of(image.launcher().toString(), "--data-dir", data.toString(),
                    "--kubeconfig", kubeconfig.toString(), "--ssh-config", sshConfig.toString()));
            // The launcher passes its arguments to the app, so the JVM options go through the environment.
            String jvmOptions = String.join(" ",
                    jvmOption("-XX:AOTCacheOutput=", cache),
                    "-Xlog:aot*=error,cds*=error",
                    jvmOption("-Dwheelhouse.startup.report=", report),
                    "-Dwheelhouse.startup.exitAfterFirstFrame=true",
                    "-Dwheelhouse.startup.exitDelayMs=" + TRAINING_SESSION_MS);
            Path log = work.resolve("training.log");
            long started = System.nanoTime();
            Result result = run(command, Map.of("JAVA_TOOL_OPTIONS", jvmOptions), TRAINING_TIMEOUT, log);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            if (result.exit() != 0 || !Files.isRegularFile(report) || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new Failure("the AOT training run failed (exit " + result.exit() + ", first frame "
                        + (Files.isRegularFile(report) ? "shown" : "never reported") + ", cache "
                        + (Files.isRegularFile(cache) ? "written" : "missing") + "); its output, from " + log + ":\n"
                        + tail(result.output(), 40) + "\nBuild without the cache with -Dinstaller.aot=false.");
            }
            System.out.printf("  trained in %d s (first frame %s ms), cache %s: %s%n", seconds,
                    property(report, "firstFrameMs"), root.relativize(cache), megabytes(Files.size(cache)));
        } finally {
            sandbox.descendants().forEach(ProcessHandle::destroy);
            sandbox.destroy();
        }
        for (Path cfg : image.configs()) {
            addAotOption(cfg);
        }

        // -XX:AOTMode=on refuses to start when the cache cannot be used: proof that the launcher maps it.
        Result check = run(List.of(image.launcher().toString(), "--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"), Duration.ofMinutes(1), null);
        if (check.exit() != 0) {
            throw new Failure("the launcher cannot use the AOT cache it was trained for (-XX:AOTMode=on, exit "
                    + check.exit() + "):\n" + tail(check.output(), 20));
        }
        System.out.println("  the launcher maps the cache (--version under -XX:AOTMode=on: exit 0)");
    }

    /**
     * The image's {@code wheelhouse sandbox} (its demo seed) for the training session; ready once
     * it has written the workspace, which it does last and in one move. It stops by itself after
     * the training's timeout should this program die first.
     */
    private Process startSandbox(AppImage image, Path work, Path kubeconfig, Path workspace) throws IOException {
        Path log = work.resolve("sandbox.log");
        Process sandbox = new ProcessBuilder(image.launcher().toString(), "sandbox",
                "--kubeconfig", kubeconfig.toString(), "--workspace", workspace.toString(),
                "--data-dir", Files.createDirectories(work.resolve("sandbox-data")).toString(),
                "--stop-after", Long.toString(TRAINING_TIMEOUT.toSeconds()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + SANDBOX_START_TIMEOUT.toNanos();
        while (!Files.isRegularFile(workspace)) {
            if (!sandbox.isAlive() || System.nanoTime() > deadline) {
                sandbox.destroyForcibly();
                throw new Failure("the practice sandbox for the AOT training run did not start ("
                        + (sandbox.isAlive() ? "no workspace after " + SANDBOX_START_TIMEOUT.toSeconds() + " s"
                                : "exit " + sandbox.exitValue()) + "); its output, from " + log + ":\n"
                        + tail(Files.readString(log, StandardCharsets.UTF_8), 20)
                        + "\nBuild without the cache with -Dinstaller.aot=false.");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                sandbox.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while the practice sandbox started");
            }
        }
        return sandbox;
    }

    /** Names the cache in the launcher's configuration ($APPDIR is the launcher's app directory). */
    static void addAotOption(Path cfg) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        if (lines.contains(AOT_OPTION)) {
            return;
        }
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("");
            lines.add("[JavaOptions]");
            section = lines.size() - 1;
        }
        int at = section + 1;
        while (at < lines.size() && !lines.get(at).startsWith("[") && !lines.get(at).isBlank()) {
            at++;
        }
        lines.add(at, AOT_OPTION);
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    /**
     * jpackage's resource directory for Linux: the maintainer scripts, and with a menu entry its
     * template and icon. Only then: jpackage makes a menu entry whenever a package icon is given.
     */
    private Path linuxResources(Path dest, AppImage image, boolean shortcut) throws IOException {
        Path dir = dest.resolve("resources-linux");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        try (Stream<Path> scripts = Files.list(jpackageDir.resolve("linux"))) {
            for (Path p : scripts.toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        if (shortcut) {
            String launcher = image.launcher().getFileName().toString();
            Files.copy(root.resolve("resources/wheelhouse.png"), dir.resolve(launcher + ".png"));
            Files.copy(root.resolve("resources/wheelhouse.desktop"), dir.resolve(launcher + ".desktop"));
        }
        return dir;
    }

    /** macOS wants an .icns: made here from the 1024 px master with the tools every Mac has. */
    private Path macIcon(Path dest) throws IOException {
        Path iconset = dest.resolve("wheelhouse.iconset");
        deleteRecursively(iconset);
        Files.createDirectories(iconset);
        Path master = root.resolve("resources/wheelhouse-1024.png");
        for (int size : new int[] {16, 32, 128, 256, 512}) {
            for (int scale : new int[] {1, 2}) {
                String name = "icon_" + size + "x" + size + (scale == 2 ? "@2x" : "") + ".png";
                int px = size * scale;
                check(run(List.of("sips", "-z", Integer.toString(px), Integer.toString(px), master.toString(),
                        "--out", iconset.resolve(name).toString()), Map.of(), Duration.ofMinutes(1), null), "sips");
            }
        }
        Path icns = dest.resolve("wheelhouse.icns");
        check(run(List.of("iconutil", "-c", "icns", iconset.toString(), "-o", icns.toString()),
                Map.of(), Duration.ofMinutes(1), null), "iconutil");
        return icns;
    }

    private void jpackage(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(tool("jpackage"));
        command.addAll(args);
        System.out.println("  jpackage " + String.join(" ", args));
        Result result = run(command, Map.of(), Duration.ofMinutes(20), null);
        System.out.print(indent(result.output()));
        if (result.exit() != 0) {
            throw new Failure("jpackage failed (exit " + result.exit() + ")");
        }
    }

    /** jpackage wants a numeric version: 0.1.0-SNAPSHOT becomes 0.1.0. */
    String appVersion(String version) {
        Matcher m = Pattern.compile("^(\\d+)(\\.\\d+)?(\\.\\d+)?").matcher(version);
        if (!m.find()) {
            throw new Failure("cannot make a numeric app version out of '" + version + "'");
        }
        String numeric = m.group();
        if (os == Os.MACOS && numeric.startsWith("0")) {
            // macOS bundles refuse a version whose first number is 0 (CFBundleVersion).
            String mac = "1" + numeric.substring(numeric.indexOf('.') < 0 ? numeric.length() : numeric.indexOf('.'));
            System.out.println("installer: macOS needs a first version number above 0: packaging " + version + " as " + mac);
            return mac;
        }
        return numeric;
    }

    private List<String> types(String requested) {
        List<String> types = Stream.of(requested.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
        if (types.isEmpty()) {
            return List.of(os.defaultType);
        }
        for (String type : types) {
            if (!os.types.contains(type)) {
                throw new Failure("cannot build a " + type + " on " + os.id + " (possible here: " + String.join(", ", os.types) + ")");
            }
        }
        return types;
    }

    // ---- small helpers -------------------------------------------------------------------------

    enum Os {
        LINUX("linux", "deb", List.of("deb", "rpm")),
        WINDOWS("windows", "msi", List.of("msi")),
        MACOS("macos", "dmg", List.of("dmg"));

        final String id;
        final String defaultType;
        /** The package types with an argument file {@code <id>-<type>.args} here. */
        final List<String> types;

        Os(String id, String defaultType, List<String> types) {
            this.id = id;
            this.defaultType = defaultType;
            this.types = types;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MACOS : LINUX;
        }
    }

    /** Where jpackage puts things in an application image, per platform. */
    record AppImage(Path dir, Path launcher, Path appDir) {
        static AppImage find(Os os, Path images) throws IOException {
            List<Path> made;
            try (Stream<Path> s = Files.list(images)) {
                made = s.toList();
            }
            if (made.size() != 1) {
                throw new Failure("expected one application image in " + images + ", found " + made);
            }
            Path dir = made.getFirst();
            String name = dir.getFileName().toString().replaceFirst("\\.app$", "");
            return switch (os) {
                case LINUX -> new AppImage(dir, dir.resolve("bin").resolve(name), dir.resolve("lib/app"));
                case WINDOWS -> new AppImage(dir, dir.resolve(name + ".exe"), dir.resolve("app"));
                case MACOS -> new AppImage(dir, dir.resolve("Contents/MacOS").resolve(name), dir.resolve("Contents/app"));
            };
        }

        /** One .cfg per launcher (Windows has two: the window and the console launcher). */
        List<Path> configs() throws IOException {
            try (Stream<Path> s = Files.list(appDir)) {
                List<Path> cfgs = s.filter(p -> p.toString().endsWith(".cfg")).sorted().toList();
                if (cfgs.isEmpty()) {
                    throw new Failure("no launcher configuration (*.cfg) in " + appDir);
                }
                return cfgs;
            }
        }
    }

    record Result(int exit, String output) {}

    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private static Result run(List<String> command, Map<String, String> env, Duration timeout, Path log) {
        try {
            Path out = log != null ? log : Files.createTempFile("installer-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                String output = Files.readString(out, StandardCharsets.UTF_8);
                throw new Failure(command.getFirst() + " did not finish within " + timeout.toSeconds() + " s:\n" + tail(output, 30));
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            if (log == null) {
                Files.deleteIfExists(out);
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new Failure("cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while running " + command.getFirst());
        }
    }

    private static void check(Result result, String what) {
        if (result.exit() != 0) {
            throw new Failure(what + " failed (exit " + result.exit() + "):\n" + tail(result.output(), 20));
        }
    }

    private String tool(String name) {
        Path p = javaHome.resolve("bin").resolve(os == Os.WINDOWS ? name + ".exe" : name);
        if (!Files.isExecutable(p)) {
            throw new Failure("no " + name + " in " + javaHome + ": build with a full JDK 25 (JAVA_HOME)");
        }
        return p.toString();
    }

    /** Tokens of a jpackage argument file: '#' starts a comment, double quotes group. */
    static List<String> argFileTokens(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = Pattern.compile("\"([^\"]*)\"|(#.*)|(\\S+)").matcher(line);
            while (m.find()) {
                if (m.group(2) != null) {
                    break;
                }
                tokens.add(m.group(1) != null ? m.group(1) : m.group(3));
            }
        }
        return tokens;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new Failure("options look like --name=value, not '" + arg + "'");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private String required(String name) {
        String value = options.get(name);
        if (blank(value)) {
            throw new Failure("missing --" + name + "=...");
        }
        return value;
    }

    private Path existingDir(String path) {
        Path dir = root.resolve(path);
        if (!Files.isDirectory(dir)) {
            throw new Failure(dir + " does not exist; run `./mvnw -DskipTests package` first");
        }
        return dir;
    }

    private static String jvmOption(String prefix, Path path) {
        String option = prefix + path;
        return option.contains(" ") ? "\"" + option + "\"" : option;
    }

    private static String property(Path file, String key) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(key + "="))
                .map(l -> l.substring(key.length() + 1)).findFirst().orElse("?");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static void step(String what) {
        System.out.println("installer: " + what);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
    }

    private static String indent(String text) {
        return text.isBlank() ? "" : text.lines().map(l -> "    " + l).collect(Collectors.joining("\n", "", "\n"));
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
