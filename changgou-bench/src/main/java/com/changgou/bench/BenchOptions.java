package com.changgou.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@code ./changgou bench}; every flag has a default that makes the full run.
 * {@code --push-pages} and {@code --push-payments} name one number: the push run opens a page for
 * each payment it measures, in each of its two modes.
 */
record BenchOptions(int orders, int concurrency, int shoppers, int pushPages, int pushWarmUp, int pushRate, int qrCalls, int qrWarmUp,
                    int perfTestSeconds, int settleSeconds, Path out, List<String> arguments) {

    static final String USAGE = """
            usage: ./changgou bench [--orders N (5000)] [--concurrency N (32)] [--shoppers N (20)]
                                    [--push-pages N (1000), or --push-payments N: as many pages as payments]
                                    [--push-warmup N (100)] [--push-rate N/s (50)]
                                    [--qr-calls N (500)]
                                    [--qr-warmup N (50)] [--perftest-seconds N (15)] [--settle-seconds N (120)]
                                    [--out DIR (docs/bench)]""";

    static BenchOptions parse(List<String> args) {
        int orders = 5000, concurrency = 32, shoppers = 20, pushWarmUp = 100, pushRate = 50, qrCalls = 500, qrWarmUp = 50;
        Integer pushPages = null;
        int perfTestSeconds = 15, settleSeconds = 120;
        Path out = Path.of("docs/bench");
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("%s needs a value\n%s".formatted(flag, USAGE));
            }
            String value = args.get(++i);
            switch (flag) {
                case "--orders" -> orders = positive(flag, value);
                case "--concurrency" -> concurrency = positive(flag, value);
                case "--shoppers" -> shoppers = positive(flag, value);
                case "--push-pages", "--push-payments" -> pushPages = samePages(pushPages, flag, positive(flag, value));
                case "--push-warmup" -> pushWarmUp = positive(flag, value);
                case "--push-rate" -> pushRate = positive(flag, value);
                case "--qr-calls" -> qrCalls = positive(flag, value);
                case "--qr-warmup" -> qrWarmUp = positive(flag, value);
                case "--perftest-seconds" -> perfTestSeconds = positive(flag, value);
                case "--settle-seconds" -> settleSeconds = positive(flag, value);
                case "--out" -> out = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag %s\n%s".formatted(flag, USAGE));
            }
        }
        return new BenchOptions(orders, concurrency, shoppers, pushPages == null ? 1000 : pushPages, pushWarmUp, pushRate, qrCalls,
                qrWarmUp, perfTestSeconds, settleSeconds, out, List.copyOf(args));
    }

    /** One page per measured payment, so both flags must agree when both are given. */
    private static int samePages(Integer earlier, String flag, int pages) {
        if (earlier != null && earlier != pages) {
            throw new IllegalArgumentException("%s %d disagrees with the push pages given before (%d): one page per payment"
                    .formatted(flag, pages, earlier));
        }
        return pages;
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the flag's name
        }
        throw new IllegalArgumentException("%s wants a positive whole number, not '%s'".formatted(flag, value));
    }
}
