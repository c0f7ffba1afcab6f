package com.changgou.e2e.faults;

import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one-line summary each fault case prints: orders, faults injected, final states, seconds. */
public final class FaultReport {

    private static final Logger log = LoggerFactory.getLogger(FaultReport.class);

    private final String name;
    private final long started = System.nanoTime();
    private final Map<String, Integer> faults = new TreeMap<>();
    private int orders;

    public FaultReport(String name) {
        this.name = name;
    }

    public FaultReport orders(int count) {
        orders += count;
        return this;
    }

    public FaultReport fault(String kind, int count) {
        faults.merge(kind, count, Integer::sum);
        return this;
    }

    public void print(Map<String, Long> finalStates) {
        String line = "fault-suite | %-38s | orders=%d | faults=%s | final=%s | %.1f s".formatted(
                name, orders, faults, new TreeMap<>(finalStates), (System.nanoTime() - started) / 1e9);
        log.info(line);
        System.out.println(line);
    }
}
