package com.changgou.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One STOMP 1.2 frame: command, headers (first occurrence wins, as the spec says) and body. */
record StompFrame(String command, Map<String, String> headers, String body) {

    static StompFrame of(String command, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return new StompFrame(command, headers, "");
    }

    String header(String name) {
        return headers.get(name);
    }

    /** The wire text, NUL-terminated. CONNECT headers are not escaped (STOMP 1.2, section "Value Encoding"). */
    String encode() {
        StringBuilder text = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> text.append(k).append(':').append(v).append('\n'));
        return text.append('\n').append(body).append('\0').toString();
    }

    /** Parses the text of one frame without its terminating NUL; leading EOLs (heart-beats) are skipped. */
    static StompFrame parse(String text) {
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
            start++;
        }
        int headerEnd = text.indexOf("\n\n", start);
        int bodyStart = headerEnd + 2;
        if (headerEnd < 0) {
            int crlf = text.indexOf("\r\n\r\n", start);
            if (crlf < 0) {
                throw new IllegalArgumentException("STOMP frame without the blank line after its headers");
            }
            headerEnd = crlf;
            bodyStart = crlf + 4;
        }
        String[] lines = text.substring(start, headerEnd).split("\r?\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(unescape(lines[i].substring(0, colon)), unescape(lines[i].substring(colon + 1)));
            }
        }
        return new StompFrame(lines[0].strip(), headers, text.substring(bodyStart));
    }

    private static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'c' -> ':';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
