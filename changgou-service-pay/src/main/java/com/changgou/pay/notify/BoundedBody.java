package com.changgou.pay.notify;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads a request body up to a hard limit, never buffering more than the limit plus one byte. */
final class BoundedBody {

    private BoundedBody() {
    }

    /** Empty when the declared or actual length exceeds {@code limit}. */
    static Optional<byte[]> read(InputStream in, long declaredLength, int limit) throws IOException {
        if (declaredLength > limit) {
            return Optional.empty();
        }
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
    }
}
