package com.changgou.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles STOMP frames from WebSocket text parts: a frame may arrive in several parts, and one
 * part may carry several frames. A frame ends at its NUL; a lone EOL between frames is a heart-beat.
 * Not thread-safe: WebSocket delivers one part at a time.
 */
final class StompFrameReader {

    private final StringBuilder pending = new StringBuilder();

    /** Adds one part and returns the frames it completed, in order. */
    List<StompFrame> append(CharSequence part) {
        pending.append(part);
        List<StompFrame> frames = new ArrayList<>();
        int nul;
        while ((nul = pending.indexOf("\0")) >= 0) {
            String text = pending.substring(0, nul);
            pending.delete(0, nul + 1);
            if (!text.isBlank()) {
                frames.add(StompFrame.parse(text));
            }
        }
        // heart-beats left alone between frames are not the start of one
        if (!pending.isEmpty() && pending.toString().isBlank()) {
            pending.setLength(0);
        }
        return frames;
    }
}
