package com.changgou.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What went through the recorded mapper: the claims and the ids they returned, and which insert wrote each row. The
 * real statements run; this only looks on.
 */
class MapperCalls {

    private final Set<String> claimedIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger claims = new AtomicInteger();
    private final Map<String, String> inserts = new ConcurrentHashMap<>();

    /** How many claims (locking reads of due rows) ran so far. */
    int claims() {
        return claims.get();
    }

    boolean wasClaimed(String id) {
        return claimedIds.contains(id);
    }

    /** The mapper method that wrote row {@code id}, or null. */
    String insertedBy(String id) {
        return inserts.get(id);
    }

    OutboxMapper recording(OutboxMapper mapper) {
        return (OutboxMapper) Proxy.newProxyInstance(OutboxMapper.class.getClassLoader(), new Class<?>[] {OutboxMapper.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(mapper, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    switch (method.getName()) {
                        case "lockDue" -> {
                            claims.incrementAndGet();
                            ((List<?>) result).forEach(row -> claimedIds.add(((OutboxRow) row).id()));
                        }
                        case "insert" -> inserts.put(((OutboxRow) args[0]).id(), "insert");
                        case "insertAll" -> ((List<?>) args[0]).forEach(row -> inserts.put(((OutboxRow) row).id(), "insertAll"));
                        default -> { }
                    }
                    return result;
                });
    }
}
