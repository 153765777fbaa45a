package io.backtrack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void neverHandsOutAPortTwiceAlthoughTheKernelOffersItAgainUntilItIsBound() {
        Set<Integer> ports = new HashSet<>();
        IntStream.range(0, 3000).forEach(i -> ports.add(FreePort.find()));

        assertThat(ports).hasSize(3000);
    }

    @Test
    void aPreferredPortIsGivenAgainToItsServerButNeverFoundForAnother() throws Exception {
        int preferred;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            preferred = socket.getLocalPort();
        }

        assertThat(FreePort.preferring(preferred)).isEqualTo(preferred);
        assertThat(FreePort.preferring(preferred)).as("a restart on its port").isEqualTo(preferred);
        assertThat(IntStream.range(0, 3000).map(i -> FreePort.find())).doesNotContain(preferred);
    }
}
