package dev.failforward.model.xgboost;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class XGBoostThreadsTest {

    @Test
    void everyProcessorOnlyWhereOpenMpWorkersSleep() {
        assertThat(XGBoostThreads.count("passive", 2)).isEqualTo(2);
        assertThat(XGBoostThreads.count(" PASSIVE ", 4)).isEqualTo(4);
        assertThat(XGBoostThreads.count("passive", 64)).isEqualTo(XGBoostThreads.MAX);
        assertThat(XGBoostThreads.count("active", 4)).isEqualTo(1);
        assertThat(XGBoostThreads.count(null, 4)).isEqualTo(1);
        assertThat(XGBoostThreads.count("passive", 0)).isEqualTo(1);
    }
}
