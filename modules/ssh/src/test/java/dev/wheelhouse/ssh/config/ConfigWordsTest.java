package dev.wheelhouse.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigWordsTest {
    @Test
    void keywordSeparators() {
        assertThat(ConfigWords.split("HostName example.com")).containsExactly("HostName", "example.com");
        assertThat(ConfigWords.split("  User=deploy")).containsExactly("User", "deploy");
        assertThat(ConfigWords.split("User = deploy")).containsExactly("User", "deploy");
        assertThat(ConfigWords.split("Host a b\tc")).containsExactly("Host", "a", "b", "c");
    }

    @Test
    void quotesEscapesAndComments() {
        assertThat(ConfigWords.split("IdentityFile \"~/my keys/id\" # trailing")).containsExactly("IdentityFile", "~/my keys/id");
        assertThat(ConfigWords.split("IdentityFile '~/a b'")).containsExactly("IdentityFile", "~/a b");
        assertThat(ConfigWords.split("IdentityFile ~/a\\ b")).containsExactly("IdentityFile", "~/a b");
        assertThat(ConfigWords.split("Host a#b")).containsExactly("Host", "a#b");
        assertThat(ConfigWords.split("   # only a comment")).isEmpty();
        assertThat(ConfigWords.split("")).isEmpty();
        assertThatThrownBy(() -> ConfigWords.split("HostName \"open")).hasMessage("unterminated quote");
    }
}
