package com.changgou.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * How long the last {@code ./changgou up} took, from its start to every route answering, in whole
 * seconds: {@code ./changgou} writes it as one line into {@code up-seconds} in the run folder. The
 * bench starts nothing, so this is the one figure it reads instead of measuring.
 */
record UpTime(Path file, OptionalInt seconds, String problem) {

    static final String FILE = "up-seconds";

    static UpTime read(Path runDir) {
        Path file = runDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file).strip();
        } catch (NoSuchFileException e) {
            return new UpTime(file, OptionalInt.empty(), "not measured (no %s)".formatted(file));
        } catch (IOException e) {
            return new UpTime(file, OptionalInt.empty(), "not measured (%s unreadable: %s)".formatted(file, e.getMessage()));
        }
        if (!text.matches("\\d{1,6}")) {
            return new UpTime(file, OptionalInt.empty(), "not measured (%s holds '%s', not whole seconds)"
                    .formatted(file, text.length() > 40 ? text.substring(0, 40) + "…" : text));
        }
        return new UpTime(file, OptionalInt.of(Integer.parseInt(text)), null);
    }

    /** "57 s", or why there is no figure. */
    String measured() {
        return seconds.isPresent() ? seconds.getAsInt() + " s" : problem;
    }
}
