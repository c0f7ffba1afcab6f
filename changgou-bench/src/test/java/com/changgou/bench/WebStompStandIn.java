package com.changgou.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Web STOMP as small as the bench's tests need, on a plain socket: the WebSocket opening handshake
 * (recorded, headers and all), then STOMP frames in text messages: CONNECT answered with CONNECTED
 * or, for a login it does not know, ERROR; SUBSCRIBE and DISCONNECT answered with their RECEIPT
 * (DISCONNECT then closes, as the broker does). {@link #publish} sends a MESSAGE to every
 * subscription on a destination.
 */
final class WebStompStandIn implements AutoCloseable {

    static final String LOGIN = "webguest";
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One opening handshake: the request line and headers, as they came. */
    record Upgrade(String requestLine, List<String> headers) {
        String header(String name) {
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(h -> h.substring(h.indexOf(':') + 1).strip()).findFirst().orElse(null);
        }
    }

    private record Subscription(Connection connection, String id, String destination) {
    }

    private final ServerSocket server;
    private final List<Upgrade> upgrades = new CopyOnWriteArrayList<>();
    private final List<StompFrame> received = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    WebStompStandIn() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "web-stomp-stand-in");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:%d/ws".formatted(server.getLocalPort()));
    }

    List<Upgrade> upgrades() {
        return List.copyOf(upgrades);
    }

    /** Every STOMP frame the clients sent, in arrival order. */
    List<StompFrame> received() {
        return List.copyOf(received);
    }

    int subscriptions() {
        return subscriptions.size();
    }

    /** Connections whose socket is still open on this side. */
    long open() {
        return connections.stream().filter(c -> !c.socket.isClosed()).count();
    }

    /** A MESSAGE with this body to every subscription on {@code destination}. */
    void publish(String destination, String body) throws IOException {
        for (Subscription s : subscriptions) {
            if (s.destination().equals(destination)) {
                s.connection().sendText("MESSAGE\nsubscription:%s\ndestination:%s\ncontent-type:application/json\n\n%s\0"
                        .formatted(s.id(), destination, body));
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Connection connection = new Connection(server.accept());
                connections.add(connection);
                Thread reader = new Thread(connection::serve, "web-stomp-stand-in-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Connection connection : connections) {
            connection.socket.close();
        }
    }

    private final class Connection {

        private final Socket socket;
        private final StompFrameReader frames = new StompFrameReader();

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                handshake(in);
                while (true) {
                    int opcode = in.readUnsignedByte() & 0x0f;
                    byte[] payload = payload(in);
                    if (opcode == 0x8) {
                        sendFrame(0x8, payload);
                        return;
                    }
                    if (opcode == 0x1 && answer(new String(payload, StandardCharsets.UTF_8))) {
                        return;
                    }
                }
            } catch (IOException gone) {
                // the client went away
            }
        }

        private void handshake(InputStream in) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                lines.add(line);
            }
            Upgrade upgrade = new Upgrade(lines.get(0), List.copyOf(lines.subList(1, lines.size())));
            upgrades.add(upgrade);
            String accept = Base64.getEncoder().encodeToString(sha1(upgrade.header("Sec-WebSocket-Key") + WEBSOCKET_GUID));
            write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: %s\r\nSec-WebSocket-Protocol: v12.stomp\r\n\r\n").formatted(accept)
                    .getBytes(StandardCharsets.US_ASCII));
        }

        /** Answers each STOMP frame in one text message; true once the session is over. */
        private boolean answer(String text) throws IOException {
            for (StompFrame frame : frames.append(text)) {
                received.add(frame);
                switch (frame.command()) {
                    case "CONNECT" -> {
                        if (!LOGIN.equals(frame.header("login"))) {
                            sendText("ERROR\nmessage:Access refused for user '%s'\n\n\0".formatted(frame.header("login")));
                            sendFrame(0x8, new byte[] {0x03, (byte) 0xe8});
                            return true;
                        }
                        sendText("CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0");
                    }
                    case "SUBSCRIBE" -> {
                        subscriptions.add(new Subscription(this, frame.header("id"), frame.header("destination")));
                        sendText("RECEIPT\nreceipt-id:%s\n\n\0".formatted(frame.header("receipt")));
                    }
                    case "DISCONNECT" -> {
                        subscriptions.removeIf(s -> s.connection() == this);
                        sendText("RECEIPT\nreceipt-id:%s\n\n\0".formatted(frame.header("receipt")));
                        sendFrame(0x8, new byte[] {0x03, (byte) 0xe8});
                        return true;
                    }
                    default -> { }
                }
            }
            return false;
        }

        void sendText(String text) throws IOException {
            sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        /** One unmasked, unfragmented frame, as a server sends them. */
        private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x80 | opcode);
            if (payload.length < 126) {
                frame.write(payload.length);
            } else {
                frame.write(126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xff);
            }
            frame.write(payload);
            write(frame.toByteArray());
        }

        private void write(byte[] bytes) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }
    }

    /** A client frame's payload, unmasked (clients always mask). */
    private static byte[] payload(DataInputStream in) throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return payload;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection ended inside the handshake");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static byte[] sha1(String text) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
