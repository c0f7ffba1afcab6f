package com.changgou.e2e.browser;

import com.changgou.e2e.support.Browser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the wxpay page took to move on after the sandbox was asked to pay, measured against
 * the browser's own navigation start of the success page (same machine, same clock).
 *
 * @param payCallMillis     how long the sandbox's scan call took (it notifies while it runs)
 * @param toNavigationMillis from the start of the pay call to the browser starting the jump
 * @param toLandedMillis     from the start of the pay call to the test seeing the success page
 */
record Jump(String how, long payCallMillis, long toNavigationMillis, long toLandedMillis) {

    static Jump measure(String how, long payStarted, long payReturned, long navigationStarted, long landed) {
        return new Jump(how, payReturned - payStarted, navigationStarted - payStarted, landed - payStarted);
    }

    String line() {
        return "%s: jump %d ms after the pay call started (pay call %d ms, success page seen after %d ms)"
                .formatted(how, toNavigationMillis, payCallMillis, toLandedMillis);
    }

    /** Writes the line to target/browser/{@code file}, replacing what an earlier run left. */
    Path write(String file) {
        Path path = Browser.OUTPUT.resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Files.writeString(path, line() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }
}
