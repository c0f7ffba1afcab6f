package com.changgou.sandbox.notify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The faults in force: an order's own fault wins over the global one. */
@Component
public class Faults {

    private final Map<String, Fault> perOrder = new ConcurrentHashMap<>();
    private final AtomicReference<Fault> global = new AtomicReference<>();

    public void set(Fault fault) {
        if (fault.mode() == null) {
            throw new IllegalArgumentException("mode is required (DROP, DUPLICATE, DELAY, BAD_SIGN, WRONG_AMOUNT)");
        }
        if (fault.outTradeNo() == null || fault.outTradeNo().isBlank()) {
            global.set(fault);
        } else {
            perOrder.put(fault.outTradeNo(), fault);
        }
    }

    public void clear() {
        perOrder.clear();
        global.set(null);
    }

    public List<Fault> all() {
        return Stream.concat(Stream.ofNullable(global.get()), perOrder.values().stream()).toList();
    }

    Optional<Fault> forOrder(String outTradeNo) {
        return Optional.ofNullable(perOrder.get(outTradeNo)).or(() -> Optional.ofNullable(global.get()));
    }
}
