package com.changgou.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the apps logged at ERROR during the run, with the stack trace under each, printed when the
 * suite stops. CI keeps only the test output, and the run folder goes with the clone: a shopper's
 * 500 in a failing test is then explained in the same output, not in a log nobody can read any more.
 */
final class AppLogErrors {

    private static final Logger log = LoggerFactory.getLogger(AppLogErrors.class);
    private static final int MAX_KINDS_PER_APP = 12;
    private static final int MAX_TRACE_LINES = 25;

    private AppLogErrors() {
    }

    static void print(Path logDir) {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        try (Stream<Path> logs = Files.list(logDir)) {
            logs.filter(file -> file.getFileName().toString().endsWith(".log"))
                    .filter(file -> !file.getFileName().toString().equals("build.log"))
                    .sorted()
                    .forEach(AppLogErrors::printOne);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printOne(Path file) {
        List<String> errors = errors(readLines(file));
        if (!errors.isEmpty()) {
            log.warn("{} logged errors during the run:\n{}", file.getFileName(), String.join("\n", errors));
        }
    }

    /**
     * Each kind of ERROR (same logger and message, times and threads aside) once, with the trace
     * under its first occurrence and how often it came: a broker stopped on purpose logs the same
     * error dozens of times, and must not push the one that matters out of the output.
     */
    static List<String> errors(List<String> lines) {
        Map<String, List<String>> firstOfKind = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<String> trace = null;
        for (String line : lines) {
            if (line.contains(" ERROR ")) {
                String kind = kind(line);
                counts.merge(kind, 1, Integer::sum);
                trace = firstOfKind.containsKey(kind) || firstOfKind.size() >= MAX_KINDS_PER_APP ? null : new ArrayList<>();
                if (trace != null) {
                    trace.add(line);
                    firstOfKind.put(kind, trace);
                }
            } else if (trace != null && trace.size() <= MAX_TRACE_LINES && isTrace(line)) {
                trace.add(line);
            } else {
                trace = null;
            }
        }
        List<String> printed = new ArrayList<>();
        firstOfKind.forEach((kind, first) -> {
            printed.add("[%dx] %s".formatted(counts.get(kind), first.get(0)));
            printed.addAll(first.subList(1, first.size()));
        });
        return printed;
    }

    /** The logger and the message (what follows the thread name), numbers blurred. */
    private static String kind(String line) {
        int message = line.indexOf(" : ", line.indexOf(" ERROR "));
        int thread = message < 0 ? -1 : line.lastIndexOf("] ", message);
        return (thread < 0 ? line : line.substring(thread + 2)).replaceAll("\\d+", "#");
    }

    private static boolean isTrace(String line) {
        return line.isEmpty() || line.startsWith("\t") || line.startsWith(" ") || line.startsWith("Caused by")
                || line.matches("^[a-zA-Z_$][\\w.$]*(Exception|Error)\\b.*");
    }

    private static List<String> readLines(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            return List.of("cannot read " + file + ": " + e);
        }
    }
}
