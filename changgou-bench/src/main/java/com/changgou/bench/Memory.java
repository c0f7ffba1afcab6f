package com.changgou.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Resident memory (VmRSS) of each app that {@code ./changgou up} started, by its pid file. */
final class Memory {

    private Memory() {
    }

    /** App name (pid file name) to resident MB; an app whose process is gone is left out. */
    static Map<String, Long> residentMegabytes(Path runDir) {
        Map<String, Long> rss = new TreeMap<>();
        Path pids = runDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return rss;
        }
        try (Stream<Path> files = Files.list(pids)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(file -> {
                String app = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    String pid = Files.readString(file).strip();
                    Long kb = vmRssKb(Files.readString(Path.of("/proc", pid, "status")));
                    if (kb != null) {
                        rss.put(app, kb / 1024);
                    }
                } catch (IOException gone) {
                    // no such process any more: nothing to report for it
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + pids, e);
        }
        return rss;
    }

    /** The VmRSS line of a /proc/PID/status text, in kB. */
    static Long vmRssKb(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(null);
    }
}
