package dev.wheelhouse.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostPatternsTest {
    @Test
    void wildcards() {
        assertThat(HostPatterns.matches("web1.prod", "web?.prod")).isTrue();
        assertThat(HostPatterns.matches("web10.prod", "web?.prod")).isFalse();
        assertThat(HostPatterns.matches("a.b.c", "*")).isTrue();
        assertThat(HostPatterns.matches("", "*")).isTrue();
        assertThat(HostPatterns.matches("db.prod", "*.prod")).isTrue();
        assertThat(HostPatterns.matches("prod", "*.prod")).isFalse();
        assertThat(HostPatterns.matches("aXbXc", "a*b*c")).isTrue();
        assertThat(HostPatterns.matches("abc", "a*b*c*d")).isFalse();
        assertThat(HostPatterns.matches("Web", "web")).as("case-sensitive like OpenSSH's Host").isFalse();
    }

    @Test
    void negationWinsWhateverItsPlace() {
        assertThat(HostPatterns.matchesAny("bastion.prod", List.of("*.prod", "!bastion.prod"))).isFalse();
        assertThat(HostPatterns.matchesAny("bastion.prod", List.of("!bastion.prod", "*.prod"))).isFalse();
        assertThat(HostPatterns.matchesAny("db.prod", List.of("!bastion.prod", "*.prod"))).isTrue();
        assertThat(HostPatterns.matchesAny("db.prod", List.of("!bastion.prod"))).as("a negation alone matches nothing").isFalse();
    }
}
