package com.changgou.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The claims made through the recorded mapper and the ids they returned: the real statements run, this only looks on. */
class ClaimedRows {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger claims = new AtomicInteger();

    /** How many claims (locking reads of due rows) ran so far. */
    int claims() {
        return claims.get();
    }

    boolean contains(String id) {
        return ids.contains(id);
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
                    if (method.getName().equals("lockDue")) {
                        claims.incrementAndGet();
                        ((List<?>) result).forEach(row -> ids.add(((OutboxRow) row).id()));
                    }
                    return result;
                });
    }
}
