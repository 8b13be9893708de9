package dev.wheelhouse.ops.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.ops.OpsInputException;
import org.junit.jupiter.api.Test;

class ImageReferenceTest {
    @Test
    void acceptsWhatContainerRuntimesAccept() {
        assertThat(ImageReference.validate(" nginx ")).isEqualTo("nginx");
        for (String ok : new String[] {"nginx:1.27", "library/nginx", "registry.example.com/shop/app:1.4.2",
                "localhost:5000/app:dev_1", "registry:5000/a/b/c:v1.0-rc.1", "app@sha256:" + "a".repeat(64),
                "ghcr.io/org/app:1.0@sha256:" + "0".repeat(64), "[::1]:5000/app:1", "my_app__x/a-b.c:TAG"}) {
            assertThat(ImageReference.validate(ok)).as(ok).isEqualTo(ok);
        }
    }

    @Test
    void refusesBadInputNamingThePart() {
        assertThatThrownBy(() -> ImageReference.validate("")).isInstanceOf(OpsInputException.class).hasMessageContaining("the image is empty");
        assertThatThrownBy(() -> ImageReference.validate("shop/app: 1")).hasMessageContaining("it contains a space");
        assertThatThrownBy(() -> ImageReference.validate("shop/app:.1")).hasMessageContaining("the tag '.1' is not");
        assertThatThrownBy(() -> ImageReference.validate("shop/app:" + "x".repeat(129))).hasMessageContaining("the tag");
        assertThatThrownBy(() -> ImageReference.validate("shop/App:1")).hasMessageContaining("the repository 'shop/App' must be lower-case");
        assertThatThrownBy(() -> ImageReference.validate("shop/app@sha256:xyz")).hasMessageContaining("the digest 'sha256:xyz'");
        assertThatThrownBy(() -> ImageReference.validate("-bad.example.com/app:1")).hasMessageContaining("the registry '-bad.example.com'");
        assertThatThrownBy(() -> ImageReference.validate("registry.example.com/")).hasMessageContaining("it names no repository");
        assertThatThrownBy(() -> ImageReference.validate("app;rm -rf /")).isInstanceOf(OpsInputException.class);
    }
}
