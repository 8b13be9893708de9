package dev.wheelhouse.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JumpHostTest {
    @Test
    void forms() {
        assertThat(JumpHost.parse("bastion")).isEqualTo(new JumpHost(null, "bastion", null));
        assertThat(JumpHost.parse("ops@bastion:2022")).isEqualTo(new JumpHost("ops", "bastion", 2022));
        assertThat(JumpHost.parse("ssh://ops@bastion:2022")).isEqualTo(new JumpHost("ops", "bastion", 2022));
        assertThat(JumpHost.parse("[fe80::1]:22")).isEqualTo(new JumpHost(null, "fe80::1", 22));
        assertThat(JumpHost.parse("ops@fe80::1")).isEqualTo(new JumpHost("ops", "fe80::1", null));
    }

    @Test
    void badOnesSayWhy() {
        assertThatThrownBy(() -> JumpHost.parse("bastion:99999")).hasMessageContaining("bad port 99999");
        assertThatThrownBy(() -> JumpHost.parse("@bastion")).hasMessageContaining("missing host or user");
        assertThatThrownBy(() -> JumpHost.parse("[fe80::1")).hasMessageContaining("unbalanced");
    }
}
