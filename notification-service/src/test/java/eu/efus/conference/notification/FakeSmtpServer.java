package eu.efus.conference.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server that refuses: 550 for recipients whose address starts with {@code reject}, 451 (try later) for anyone
 * else. Enough SMTP for JavaMail to get as far as RCPT TO.
 */
final class FakeSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final java.util.Set<Socket> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    FakeSmtpServer(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        acceptor = new Thread(this::accept, "fake-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Every RCPT TO address the server was offered. */
    List<String> recipients() {
        return List.copyOf(recipients);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sessions.add(socket);
                Thread session = new Thread(() -> converse(socket), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 fake.example ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake.example");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 2.1.0 OK");
                } else if (command.startsWith("RCPT TO")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    recipients.add(address);
                    reply(out, address.startsWith("reject") ? "550 5.1.1 mailbox unavailable"
                            : "451 4.3.0 try again later");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 OK");
                } else {
                    reply(out, "503 5.5.1 bad sequence of commands");
                }
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            sessions.remove(socket);
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    /**
     * Stops listening, then lets the clients end their sessions (the service closes an idle SMTP connection within
     * a second) before closing what is left: a session still open on this port would keep the real mail server,
     * started again on the same port right after, from binding it.
     */
    @Override
    public void close() throws IOException {
        server.close();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Socket socket : sessions) {
            socket.close();
        }
    }
}
