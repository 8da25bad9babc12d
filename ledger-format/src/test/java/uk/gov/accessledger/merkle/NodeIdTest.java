package uk.gov.accessledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdTest {

    @Test
    void parentIsOneLevelUpAtHalfTheIndex() {
        assertThat(new NodeId(0, 5).parent()).isEqualTo(new NodeId(1, 2));
        assertThat(new NodeId(3, 0).parent()).isEqualTo(new NodeId(4, 0));
    }

    @Test
    void siblingIsTheOtherChildOfTheParent() {
        assertThat(new NodeId(0, 4).sibling()).isEqualTo(new NodeId(0, 5));
        assertThat(new NodeId(2, 7).sibling()).isEqualTo(new NodeId(2, 6));
        assertThat(new NodeId(2, 7).sibling().parent()).isEqualTo(new NodeId(2, 7).parent());
    }

    @Test
    void coversTwoToTheLevelLeavesStartingAtIndexTimesThat() {
        NodeId node = new NodeId(3, 2);
        assertThat(node.coverageBegin()).isEqualTo(16);
        assertThat(node.coverageEnd()).isEqualTo(24);
        assertThat(new NodeId(0, 9).coverageBegin()).isEqualTo(9);
        assertThat(new NodeId(0, 9).coverageEnd()).isEqualTo(10);
    }

    @Test
    void rejectsNegativeOrTooHighCoordinates() {
        assertThatThrownBy(() -> new NodeId(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires 0 <= level <= 62");
        assertThatThrownBy(() -> new NodeId(63, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requires index >= 0");
    }

    @Test
    void refusesToComputeCoverageBeyondTheLongRange() {
        assertThatThrownBy(() -> new NodeId(62, 1).coverageEnd()).isInstanceOf(ArithmeticException.class);
        assertThat(new NodeId(62, 0).coverageEnd()).isEqualTo(1L << 62);
    }
}
