package com.changgou.e2e.hostile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one line each hostile case prints once its assertions held: the attack, and what came of it. */
final class AttackReport {

    private static final Logger log = LoggerFactory.getLogger(AttackReport.class);

    private AttackReport() {
    }

    static void print(String attack, String outcome) {
        print("hostile-shopper", attack, outcome);
    }

    static void print(String suite, String attack, String outcome) {
        String line = "%s | %-58s | %s".formatted(suite, attack, outcome);
        log.info(line);
        System.out.println(line);
    }
}
