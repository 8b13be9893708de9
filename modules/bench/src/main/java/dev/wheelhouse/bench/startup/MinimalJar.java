package dev.wheelhouse.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Packs the minimal program's classes into a jar of their own: an AOT cache takes only jars on
 * the class path (no directories), and the minimal program should carry nothing else.
 */
final class MinimalJar {
    private static final String PACKAGE = MinimalJar.class.getPackageName().replace('.', '/') + "/";
    private static final List<String> CLASSES = List.of("MinimalFxProgram");

    private MinimalJar() {}

    static Path write(Path jar) throws IOException {
        Path source;
        try {
            source = Path.of(MinimalJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the benchmark's classes", e);
        }
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source.resolve(PACKAGE))) {
                files.map(p -> PACKAGE + p.getFileName()).filter(MinimalJar::wanted).forEach(names::add);
            }
        } else {
            try (JarFile in = new JarFile(source.toFile())) {
                for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (wanted(name)) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IOException("no minimal program classes in " + source);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : names.stream().sorted().toList()) {
                out.putNextEntry(new JarEntry(name));
                try (InputStream in = MinimalJar.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("cannot read " + name + " from " + source);
                    }
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private static boolean wanted(String entry) {
        if (!entry.startsWith(PACKAGE) || !entry.endsWith(".class")) {
            return false;
        }
        String simple = entry.substring(PACKAGE.length(), entry.length() - ".class".length());
        return CLASSES.stream().anyMatch(c -> simple.equals(c) || simple.startsWith(c + "$"));
    }
}
