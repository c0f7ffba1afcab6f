package com.changgou.sandbox.alipay.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The two RSA key pairs made once per test JVM by the project's own {@code scripts/alipay-keys.sh} in target/. */
public final class AlipayTestKeys {

    private static Path dir;

    private AlipayTestKeys() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            Path made = Path.of("target", "alipay-keys").toAbsolutePath();
            run(List.of("bash", script().toString(), made.toString()));
            dir = made;
        }
        return dir;
    }

    public static Path appPrivate() {
        return dir().resolve("app-private.pem");
    }

    public static Path appPublic() {
        return dir().resolve("app-public.pem");
    }

    public static Path alipayPrivate() {
        return dir().resolve("alipay-private.pem");
    }

    public static Path alipayPublic() {
        return dir().resolve("alipay-public.pem");
    }

    /** Runs a command, feeding {@code input} on stdin, and answers its stdout; fails on a non-zero exit. */
    public static byte[] run(List<String> command, byte[] input) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().write(input);
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("%s failed (exit %s)".formatted(command, process.exitValue()));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void run(List<String> command) {
        String output = new String(run(command, new byte[0]), StandardCharsets.UTF_8);
        if (!output.contains("Alipay key pairs")) {
            throw new IllegalStateException("%s said: %s".formatted(command, output));
        }
    }

    private static Path script() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("scripts/alipay-keys.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/alipay-keys.sh not found above " + Path.of("").toAbsolutePath());
    }
}
