package org.origincheck.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room for large bodies: admitted in order of arrival, each claim given back once, however the request ends. */
class LargeBodiesTest {

    private final List<String> admitted = new ArrayList<>();
    private final LargeBodies room = new LargeBodies(100);

    private LargeBodies.Claim claim(String name, long bytes) {
        return room.claim(bytes, () -> admitted.add(name));
    }

    @Test
    void shouldAdmitBodiesThatFitAtOnceAndMakeTheNextWait() {
        LargeBodies.Claim a = claim("a", 60);
        LargeBodies.Claim b = claim("b", 40);
        LargeBodies.Claim c = claim("c", 1);
        assertThat(a.admittedNow()).isTrue();
        assertThat(b.admittedNow()).isTrue();
        assertThat(c.admittedNow()).isFalse();
        assertThat(room.inUse()).isEqualTo(100);
        assertThat(room.waiting()).isEqualTo(1);
        b.end();
        assertThat(admitted).containsExactly("c");
        assertThat(c.admittedNow()).as("admitted later, through its callback only").isFalse();
        assertThat(room.inUse()).isEqualTo(61);
    }

    @Test
    void shouldNeverLetALaterSmallerBodyOvertakeAnEarlierLargerOne() {
        LargeBodies.Claim a = claim("a", 70);
        LargeBodies.Claim big = claim("big", 50);
        LargeBodies.Claim small = claim("small", 10);
        assertThat(big.admittedNow()).isFalse();
        assertThat(small.admittedNow()).as("it would fit, but the larger one came first").isFalse();
        a.end();
        assertThat(admitted).containsExactly("big", "small");
        big.end();
        small.end();
        assertThat(room.inUse()).isZero();
    }

    @Test
    void shouldCountABodyLargerThanTheRoomAsTheWholeRoomSoThatItRunsAlone() {
        LargeBodies.Claim huge = claim("huge", 1_000);
        assertThat(huge.admittedNow()).isTrue();
        assertThat(room.inUse()).isEqualTo(100);
        LargeBodies.Claim next = claim("next", 1);
        assertThat(next.admittedNow()).isFalse();
        huge.end();
        assertThat(admitted).containsExactly("next");
    }

    @Test
    void shouldGiveRoomBackOnceHoweverOftenARequestEnds() {
        LargeBodies.Claim a = claim("a", 80);
        a.end();
        a.end();
        assertThat(room.inUse()).isZero();
        LargeBodies.Claim b = claim("b", 100);
        assertThat(b.admittedNow()).isTrue();
        a.end();
        assertThat(room.inUse()).as("a third end of a must not free b's room").isEqualTo(100);
    }

    @Test
    void shouldLetAWaitingClaimWithdrawAndAdmitThoseBehindIt() {
        LargeBodies.Claim a = claim("a", 50);
        LargeBodies.Claim big = claim("big", 80);
        LargeBodies.Claim small = claim("small", 40);
        assertThat(small.admittedNow()).isFalse();
        assertThat(big.withdraw()).isTrue();
        assertThat(admitted).as("the one behind the withdrawn claim fits now").containsExactly("small");
        assertThat(big.withdraw()).as("only once").isFalse();
        big.end();
        assertThat(room.inUse()).as("a withdrawn claim held no room").isEqualTo(90);
        assertThat(small.withdraw()).as("an admitted claim cannot withdraw: its request goes on").isFalse();
        a.end();
        small.end();
        assertThat(room.inUse()).isZero();
    }

    @Test
    void shouldDropAWaitingClaimWhoseClientLeft() {
        LargeBodies.Claim a = claim("a", 100);
        LargeBodies.Claim gone = claim("gone", 10);
        gone.end();
        assertThat(room.waiting()).isZero();
        a.end();
        assertThat(admitted).as("never admitted after its client left").isEmpty();
        assertThat(room.inUse()).isZero();
    }

    @Test
    void shouldRefuseARoomOfNothing() {
        assertThatThrownBy(() -> new LargeBodies(0)).hasMessageContaining("origincheck.limits.large-body-bytes-at-once");
    }
}
