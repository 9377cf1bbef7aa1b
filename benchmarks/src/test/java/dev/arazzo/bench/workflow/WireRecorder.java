package dev.arazzo.bench.workflow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TCP relay on 127.0.0.1 in front of a server: it forwards every byte both ways and keeps what the
 * clients sent, connection by connection, so that a test sees requests exactly as they went on the wire
 * (header order and case included), which a server's parsed view of them does not show.
 */
final class WireRecorder implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final List<ByteArrayOutputStream> connections = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    WireRecorder(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "wire-recorder");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where clients connect: the relay's own address. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * The HTTP/1.1 requests received so far, each as its bytes (head and body), in the order the
     * connections were opened and, within one, sent; then forgets them.
     */
    synchronized List<byte[]> takeRequests() {
        List<byte[]> requests = new ArrayList<>();
        for (ByteArrayOutputStream connection : connections) {
            split(connection.toByteArray(), requests);
        }
        connections.clear();
        return requests;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                ByteArrayOutputStream sent = new ByteArrayOutputStream();
                synchronized (this) {
                    connections.add(sent);
                    sockets.add(client);
                    sockets.add(upstream);
                }
                pump(client.getInputStream(), upstream.getOutputStream(), sent);
                pump(upstream.getInputStream(), client.getOutputStream(), null);
            } catch (IOException e) {
                if (!server.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void pump(InputStream in, OutputStream out, ByteArrayOutputStream copy) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in; out) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (copy != null) {
                        synchronized (this) {
                            copy.write(buffer, 0, n);
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // the other side went away: the connection is over
            }
        }, "wire-recorder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Splits a connection's bytes into requests: a head up to the blank line, then Content-Length bytes. */
    private static void split(byte[] bytes, List<byte[]> requests) {
        int start = 0;
        while (start < bytes.length) {
            int headEnd = indexOf(bytes, start, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headEnd < 0) {
                throw new IllegalStateException("an incomplete request head on the wire: "
                        + new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1));
            }
            int bodyStart = headEnd + 4;
            String head = new String(bytes, start, headEnd - start, StandardCharsets.ISO_8859_1);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).strip());
                } else if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")) {
                    throw new IllegalStateException("a chunked request body; the recorder reads Content-Length only");
                }
            }
            int end = bodyStart + length;
            if (end > bytes.length) {
                throw new IllegalStateException("a request body cut short on the wire: " + head);
            }
            requests.add(java.util.Arrays.copyOfRange(bytes, start, end));
            start = end;
        }
    }

    private static int indexOf(byte[] bytes, int from, byte[] what) {
        outer:
        for (int i = from; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public synchronized void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
