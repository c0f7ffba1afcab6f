package com.changgou.sandbox.refund;

import com.changgou.sandbox.refund.RefundFaultMode.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The refund faults in force, one per kind for each refund and one per kind for every refund. Counted
 * answer and outcome faults are used up one request or refund at a time, atomically, so N concurrent
 * requests against "SYSTEMERROR ×1" see exactly one SYSTEMERROR.
 */
@Component
public class RefundFaults {

    private static final String EVERY_REFUND = "";

    private record Slot(String outRefundNo, Kind kind) {
    }

    private final Map<Slot, RefundFault> armed = new ConcurrentHashMap<>();

    public void set(RefundFault fault) {
        String scope = fault.outRefundNo() == null ? EVERY_REFUND : fault.outRefundNo();
        armed.put(new Slot(scope, fault.mode().kind()), fault);
    }

    public void clear() {
        armed.clear();
    }

    public List<RefundFault> all() {
        return List.copyOf(armed.values());
    }

    /** Uses up one shot of the answer fault for this request, if any. */
    public Optional<RefundFault> takeAnswer(String outRefundNo) {
        return take(outRefundNo, Kind.ANSWER);
    }

    Optional<RefundFault> takeOutcome(String outRefundNo) {
        return take(outRefundNo, Kind.OUTCOME);
    }

    /** Notification faults are not used up: each applies to every notification it matches until cleared. */
    public Optional<RefundFault> notificationFault(String outRefundNo) {
        return Optional.ofNullable(armed.get(new Slot(outRefundNo, Kind.NOTIFICATION)))
                .or(() -> Optional.ofNullable(armed.get(new Slot(EVERY_REFUND, Kind.NOTIFICATION))));
    }

    private Optional<RefundFault> take(String outRefundNo, Kind kind) {
        return takeFrom(new Slot(outRefundNo, kind)).or(() -> takeFrom(new Slot(EVERY_REFUND, kind)));
    }

    private Optional<RefundFault> takeFrom(Slot slot) {
        RefundFault[] fired = new RefundFault[1];
        armed.computeIfPresent(slot, (key, fault) -> {
            fired[0] = fault;
            if (fault.count() == null) {
                return fault;
            }
            return fault.count() == 1 ? null : fault.withCount(fault.count() - 1);
        });
        return Optional.ofNullable(fired[0]);
    }
}
