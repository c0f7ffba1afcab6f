package com.changgou.sandbox.alipay.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The Alipay faults in force, apart from WeChat's: a trade's own fault wins over the global one. */
@Component
public class AlipayFaults {

    private final Map<String, AlipayFault> perTrade = new ConcurrentHashMap<>();
    private final AtomicReference<AlipayFault> global = new AtomicReference<>();

    public void set(AlipayFault fault) {
        if (fault.mode() == null) {
            throw new IllegalArgumentException("mode is required (DROP, DUPLICATE, DELAY)");
        }
        if (fault.outTradeNo() == null || fault.outTradeNo().isBlank()) {
            global.set(fault);
        } else {
            perTrade.put(fault.outTradeNo(), fault);
        }
    }

    public void clear() {
        perTrade.clear();
        global.set(null);
    }

    public List<AlipayFault> all() {
        return Stream.concat(Stream.ofNullable(global.get()), perTrade.values().stream()).toList();
    }

    Optional<AlipayFault> forTrade(String outTradeNo) {
        return Optional.ofNullable(perTrade.get(outTradeNo)).or(() -> Optional.ofNullable(global.get()));
    }
}
