package dev.wheelhouse.ssh.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each hostile value goes through a real /bin/sh and must come back byte for byte, running nothing. */
class ShellQuoteTest {
    @TempDir
    static Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {
        "plain", "", " ", "two words", "it's", "'", "''", "'\\''", "\"double\"", "$HOME", "${HOME}", "$(touch PWNED)",
        "`touch PWNED`", "; touch PWNED", "&& touch PWNED", "| touch PWNED", "a\nb", "back\\slash", "\\'", "*", "?",
        "~", "-n", "--", "!", "#comment", "tab\there", "ünïcödé ✓", "a'b\"c$d`e\\f"
    })
    void theShellReadsBackExactlyTheValue(String value) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf %s " + ShellQuote.quote(value)).directory(tmp.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();

        assertThat(out).isEqualTo(value);
        assertThat(Files.exists(tmp.resolve("PWNED"))).isFalse();
    }

    @Test
    void nulIsRefused() {
        assertThatThrownBy(() -> ShellQuote.quote("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFormIsSingleQuotes() {
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
    }
}
