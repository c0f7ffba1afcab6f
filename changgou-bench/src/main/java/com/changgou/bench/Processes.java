package com.changgou.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Resident memory (VmRSS) and CPU time of each app that {@code ./changgou up} started, by its pid
 * file, and the CPU time of the broker and the database, read from /proc.
 */
final class Processes {

    /** CPU seconds used by each app, the broker, the database, the bench and the whole machine over one window. */
    record CpuWindow(Map<String, Double> processes, double bench, double machine) {
    }

    private Processes() {
    }

    /** The CPU counters at the start of a window: {@link #window()} gives what was used since. */
    record CpuMark(Path runDir, Map<String, Double> apps, double bench, double machine) {

        CpuWindow window() {
            Map<String, Double> now = cpuSeconds(runDir);
            Map<String, Double> used = new TreeMap<>();
            now.forEach((app, seconds) -> used.put(app, seconds - apps.getOrDefault(app, seconds)));
            return new CpuWindow(used, ownCpuSeconds() - bench, machineBusySeconds() - machine);
        }
    }

    /** Starts a window over the apps of {@code runDir}, the infrastructure, the bench and the machine. */
    static CpuMark mark(Path runDir) {
        return new CpuMark(runDir, cpuSeconds(runDir), ownCpuSeconds(), machineBusySeconds());
    }

    /** Linux reports process times in USER_HZ ticks, 100 per second on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100;

    /** App name (pid file name) to resident MB; an app whose process is gone is left out. */
    static Map<String, Long> residentMegabytes(Path runDir) {
        Map<String, Long> rss = new TreeMap<>();
        forEachApp(runDir, (app, pid) -> {
            Long kb = vmRssKb(read(Path.of("/proc", pid, "status")));
            if (kb != null) {
                rss.put(app, kb / 1024);
            }
        });
        return rss;
    }

    /** App name, and the broker's and the database's, to the CPU seconds (user + system) used so far. */
    static Map<String, Double> cpuSeconds(Path runDir) {
        Map<String, Double> cpu = new TreeMap<>();
        forEachApp(runDir, (app, pid) -> cpu.put(app, cpuTicks(read(Path.of("/proc", pid, "stat"))) / TICKS_PER_SECOND));
        infrastructureTicks().forEach((service, ticks) -> cpu.put(service, ticks / TICKS_PER_SECOND));
        return cpu;
    }

    /**
     * The broker and the database do their share of every payment on the same cores; their
     * processes are found by command name (the machine's own services, not started by the suite).
     */
    private static final Map<String, Set<String>> INFRASTRUCTURE = Map.of(
            "MariaDB (mariadbd)", Set.of("mariadbd", "mysqld"),
            "RabbitMQ (beam.smp)", Set.of("beam.smp"));

    /** One pass over /proc: each infrastructure service's CPU ticks, summed over its processes. */
    private static Map<String, Long> infrastructureTicks() {
        Map<String, Long> ticks = new TreeMap<>();
        INFRASTRUCTURE.keySet().forEach(service -> ticks.put(service, 0L));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = Files.readString(proc.resolve("comm")).strip();
                    for (Map.Entry<String, Set<String>> service : INFRASTRUCTURE.entrySet()) {
                        if (service.getValue().contains(command)) {
                            ticks.merge(service.getKey(), cpuTicks(Files.readString(proc.resolve("stat"))), Long::sum);
                        }
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return ticks;
    }

    /** The first three fields of /proc/loadavg: how busy the shared machine was (1, 5, 15 minutes). */
    static String loadAverage() {
        String[] f = read(Path.of("/proc/loadavg")).trim().split("\\s+");
        return "%s %s %s".formatted(f[0], f[1], f[2]);
    }

    /** CPU seconds this JVM (the bench itself) has used so far. */
    static double ownCpuSeconds() {
        return cpuTicks(read(Path.of("/proc/self/stat"))) / TICKS_PER_SECOND;
    }

    /** The whole machine's busy CPU seconds (all but idle and iowait) from the first line of /proc/stat. */
    static double machineBusySeconds() {
        String[] f = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy / TICKS_PER_SECOND;
    }

    /** utime + stime of a /proc/PID/stat line; the command name in parentheses may hold spaces. */
    static long cpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after "(comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private interface AppPid {
        void accept(String app, String pid) throws IOException;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void forEachApp(Path runDir, AppPid action) {
        Path pids = runDir.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (Stream<Path> files = Files.list(pids)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(file -> {
                String app = file.getFileName().toString().replaceFirst("\\.pid$", "");
                try {
                    action.accept(app, Files.readString(file).strip());
                } catch (IOException | java.io.UncheckedIOException gone) {
                    // no such process any more: nothing to report for it
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + pids, e);
        }
    }

    /** The VmRSS line of a /proc/PID/status text, in kB. */
    static Long vmRssKb(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(null);
    }
}
