package dev.wheelhouse.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** RowKey and FeedKey write out equals and hashCode; they must still behave as records' do. */
class KeysTest {

    @Test
    void rowKeysAreEqualExactlyWhenEveryPartIs() {
        RowKey key = new RowKey("prod", "Pod", "shop", "web-1");
        assertThat(key).isEqualTo(new RowKey("prod", "Pod", "shop", "web-1"))
                .hasSameHashCodeAs(new RowKey("prod", "Pod", "shop", "web-1"));
        assertThat(new RowKey("prod", "Node", null, "n1")).isEqualTo(new RowKey("prod", "Node", "", "n1"));
        List<RowKey> others = List.of(
                new RowKey("dev", "Pod", "shop", "web-1"),
                new RowKey("prod", "Deployment", "shop", "web-1"),
                new RowKey("prod", "Pod", "shop-b", "web-1"),
                new RowKey("prod", "Pod", "shop", "web-2"));
        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(key));
        assertThat(others).extracting(RowKey::hashCode).doesNotContain(key.hashCode());
        assertThat(key).isNotEqualTo(new FeedKey("prod", "shop", "Pod")).isNotEqualTo(null);
    }

    @Test
    void feedKeysAreEqualExactlyWhenEveryPartIs() {
        FeedKey key = new FeedKey("prod", "shop", "Pod");
        assertThat(key).isEqualTo(new FeedKey("prod", "shop", "Pod")).hasSameHashCodeAs(new FeedKey("prod", "shop", "Pod"));
        assertThat(new FeedKey("prod", null, "Node")).isEqualTo(new FeedKey("prod", "", "Node"));
        List<FeedKey> others = List.of(new FeedKey("dev", "shop", "Pod"), new FeedKey("prod", "shop-b", "Pod"),
                new FeedKey("prod", "shop", "Service"));
        assertThat(others).allSatisfy(other -> assertThat(other).isNotEqualTo(key));
        assertThat(others).extracting(FeedKey::hashCode).doesNotContain(key.hashCode());
    }
}
