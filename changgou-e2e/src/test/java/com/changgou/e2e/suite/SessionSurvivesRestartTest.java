package com.changgou.e2e.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.changgou.e2e.support.Shopper;
import com.changgou.e2e.support.Suite;
import com.changgou.e2e.support.SuiteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Shopper sessions live in Redis, not in the gateway: restarting the gateway signs nobody out. */
@ExtendWith(SuiteExtension.class)
class SessionSurvivesRestartTest {

    @Test
    void aSignedInShopperIsStillSignedInAfterTheGatewayRestarts(Suite suite) {
        Shopper shopper = Shopper.signUp(suite, "restart");
        String session = shopper.session();

        suite.stop("gateway");
        suite.start("gateway");

        assertThat(shopper.session()).isEqualTo(session);
        assertThat(shopper.page("/api/worder/shop").body()).contains(shopper.username());
    }
}
