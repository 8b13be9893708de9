package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A feed's first list is out once every item its store held at the sync has been handed over, and only once. */
class FirstListHandoverTest {
    @Test
    void itemsHandedOverAfterTheSyncCompleteItWithTheLast() {
        FirstListHandover list = new FirstListHandover();
        assertThat(list.handed()).as("before the sync nothing is known").isFalse();
        assertThat(list.synced(3, 0)).isFalse();
        assertThat(list.inProgress()).isTrue();
        assertThat(list.handed()).isFalse();
        assertThat(list.handed()).as("the last one").isTrue();
        assertThat(list.out()).isTrue();
        assertThat(list.inProgress()).isFalse();
        assertThat(list.handed()).as("a watch event after it").isFalse();
    }

    @Test
    void itemsAllHandedOverBeforeTheSyncCompleteItAtTheSync() {
        FirstListHandover list = new FirstListHandover();
        list.handed();
        list.handed();
        assertThat(list.synced(2, 0)).isTrue();
        assertThat(list.out()).isTrue();
    }

    @Test
    void anEmptyListIsOutAtTheSync() {
        assertThat(new FirstListHandover().synced(0, 0)).isTrue();
    }

    @Test
    void aCountThatComesShortEndsAfterTheGraceOnce() {
        FirstListHandover list = new FirstListHandover();
        list.synced(5, 1_000);
        assertThat(list.overdue(1_500, 1_000)).isFalse();
        assertThat(list.overdue(2_000, 1_000)).isTrue();
        assertThat(list.overdue(3_000, 1_000)).as("once").isFalse();
        assertThat(list.out()).isTrue();
    }

    @Test
    void notOverdueBeforeTheSyncNorAfterAnotherEnd() {
        FirstListHandover list = new FirstListHandover();
        assertThat(list.overdue(Long.MAX_VALUE, 0)).isFalse();
        list.end();
        assertThat(list.out()).isTrue();
        assertThat(list.synced(1, 0)).as("already out").isFalse();
    }
}
