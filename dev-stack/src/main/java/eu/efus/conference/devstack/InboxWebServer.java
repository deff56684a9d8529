package eu.efus.conference.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web inbox over {@link MailInbox} (JDK HTTP server, no framework).
 * <ul>
 * <li>{@code GET /} all messages, newest first</li>
 * <li>{@code GET /messages/{n}} one message: headers, text part, HTML part in a sandboxed iframe, attachments</li>
 * <li>{@code GET /messages/{n}/raw} the RFC 822 source</li>
 * <li>{@code GET /api/messages[?to=part-of-address]} JSON {@code [{index, from, to, subject, date, messageId, received}]}, newest first</li>
 * <li>{@code GET /api/messages/{n}} JSON details incl. {@code text}, {@code html}, {@code attachments}</li>
 * <li>{@code DELETE /api/messages} removes every message from every mailbox</li>
 * </ul>
 * Everything printed comes from mail, i.e. untrusted input, and is escaped.
 */
public final class InboxWebServer implements AutoCloseable {

    private static final Pattern MESSAGE = Pattern.compile("/messages/(\\d{1,9})(/raw)?/?");
    private static final Pattern API_MESSAGE = Pattern.compile("/api/messages/(\\d{1,9})/?");
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final MailInbox inbox;
    private java.util.concurrent.ScheduledExecutorService trimmer;

    private InboxWebServer(HttpServer server, ExecutorService executor, MailInbox inbox) {
        this.server = server;
        this.executor = executor;
        this.inbox = inbox;
    }

    public static InboxWebServer start(MailInbox inbox, String host, int port) throws IOException {
        return start(inbox, host, port, 0);
    }

    /**
     * Also deletes the oldest messages beyond the newest {@code keep} every few seconds ({@code 0} keeps all), so a
     * long load test does not fill the launcher's heap with mail nobody will read.
     */
    public static InboxWebServer start(MailInbox inbox, String host, int port, int keep) throws IOException {
        InboxWebServer web = serve(inbox, host, port);
        if (keep > 0) {
            web.trimmer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "mail-trim");
                thread.setDaemon(true);
                return thread;
            });
            web.trimmer.scheduleWithFixedDelay(() -> {
                try {
                    inbox.keepAtMost(keep);
                } catch (RuntimeException e) {
                    // a mailbox changing under us: the next round tries again
                }
            }, 5, 5, java.util.concurrent.TimeUnit.SECONDS);
        }
        return web;
    }

    private static InboxWebServer serve(MailInbox inbox, String host, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mail-web");
            thread.setDaemon(true);
            return thread;
        });
        InboxWebServer web = new InboxWebServer(server, executor, inbox);
        server.createContext("/", web::handle);
        server.setExecutor(executor);
        server.start();
        return web;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        if (trimmer != null) {
            trimmer.shutdownNow();
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/api/messages") && method.equals("DELETE")) {
                inbox.purge();
                send(exchange, 204, null, new byte[0]);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "text/plain", "method not allowed\n");
                return;
            }
            Matcher message = MESSAGE.matcher(path);
            Matcher apiMessage = API_MESSAGE.matcher(path);
            if (path.equals("/")) {
                sendText(exchange, 200, "text/html", listPage(details(inbox.entries())));
            } else if (path.equals("/api/messages") || path.equals("/api/messages/")) {
                String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
                List<MailInbox.Details> all = details(inbox.entries());
                if (to != null && !to.isBlank()) {
                    String needle = to.toLowerCase(Locale.ROOT);
                    all.removeIf(d -> !(d.to() + ", " + d.cc()).toLowerCase(Locale.ROOT).contains(needle));
                }
                sendText(exchange, 200, "application/json", listJson(all));
            } else if (apiMessage.matches()) {
                MailInbox.Entry entry = inbox.get(Integer.parseInt(apiMessage.group(1)));
                if (entry == null) {
                    sendText(exchange, 404, "application/json", "{\"error\":\"no such message\"}");
                } else {
                    sendText(exchange, 200, "application/json", detailJson(MailInbox.details(entry)));
                }
            } else if (message.matches()) {
                MailInbox.Entry entry = inbox.get(Integer.parseInt(message.group(1)));
                if (entry == null) {
                    sendText(exchange, 404, "text/html", page("Not found", "<p>No such message. <a href=\"/\">Back to the inbox</a></p>"));
                } else if (message.group(2) != null) {
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    entry.message().writeTo(raw);
                    send(exchange, 200, "text/plain; charset=utf-8", raw.toByteArray());
                } else {
                    sendText(exchange, 200, "text/html", detailPage(MailInbox.details(entry)));
                }
            } else {
                sendText(exchange, 404, "text/plain", "not found\n");
            }
        } catch (Exception e) {
            // never let a bad message kill the server thread; the message is not echoed back
            try {
                sendText(exchange, 500, "text/plain", "internal error\n");
            } catch (IOException | RuntimeException ignored) {
                // response already started
            }
        }
    }

    private static List<MailInbox.Details> details(List<MailInbox.Entry> entries) {
        List<MailInbox.Details> newestFirst = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            newestFirst.add(MailInbox.details(entries.get(i)));
        }
        return newestFirst;
    }

    // ---------------------------------------------------------------- rendering (static, tested)

    static String listPage(List<MailInbox.Details> messages) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Inbox <small>(").append(messages.size()).append(" message").append(messages.size() == 1 ? "" : "s")
                .append(", newest first; refreshes every 5 s)</small></h1>\n");
        if (messages.isEmpty()) {
            body.append("<p>No mail yet.</p>\n");
        } else {
            body.append("<table>\n<thead><tr><th>#</th><th>Date</th><th>From</th><th>To</th><th>Subject</th></tr></thead>\n<tbody>\n");
            for (MailInbox.Details d : messages) {
                String href = "/messages/" + d.index();
                body.append("<tr><td>").append(d.index())
                        .append("</td><td>").append(Escape.html(display(d.date())))
                        .append("</td><td>").append(Escape.html(d.from()))
                        .append("</td><td>").append(Escape.html(d.to()))
                        .append("</td><td><a href=\"").append(href).append("\">")
                        .append(Escape.html(d.subject() == null || d.subject().isBlank() ? "(no subject)" : d.subject()))
                        .append("</a></td></tr>\n");
            }
            body.append("</tbody>\n</table>\n");
        }
        body.append("<p class=\"hint\">JSON: <a href=\"/api/messages\">/api/messages</a>. IMAP: user = recipient address, any password.</p>\n");
        return page("Inbox", "<meta http-equiv=\"refresh\" content=\"5\">", body.toString());
    }

    static String detailPage(MailInbox.Details d) {
        StringBuilder body = new StringBuilder();
        body.append("<p><a href=\"/\">&larr; Inbox</a> &middot; <a href=\"/messages/").append(d.index())
                .append("/raw\">raw source</a></p>\n");
        body.append("<h1>").append(Escape.html(d.subject() == null ? "(no subject)" : d.subject())).append("</h1>\n");
        body.append("<table class=\"meta\">\n");
        row(body, "From", d.from());
        row(body, "To", d.to());
        if (d.cc() != null && !d.cc().isEmpty()) {
            row(body, "Cc", d.cc());
        }
        row(body, "Date", display(d.date()));
        row(body, "Message-ID", d.messageId());
        row(body, "Attachments", d.attachments().isEmpty() ? "none" : String.join(", ", d.attachments()));
        body.append("</table>\n");

        body.append("<h2>HTML part</h2>\n");
        if (d.html() == null) {
            body.append("<p>none</p>\n");
        } else {
            // sandbox without allow-scripts / allow-same-origin: the mail's HTML cannot run anything
            body.append("<iframe sandbox srcdoc=\"").append(Escape.html(d.html())).append("\" title=\"HTML part\"></iframe>\n");
        }
        body.append("<h2>Text part</h2>\n");
        body.append(d.text() == null ? "<p>none</p>\n" : "<pre>" + Escape.html(d.text()) + "</pre>\n");

        body.append("<h2>Headers</h2>\n<table class=\"headers\">\n");
        for (Map.Entry<String, String> header : d.headers()) {
            row(body, header.getKey(), header.getValue());
        }
        body.append("</table>\n");
        return page(d.subject() == null ? "Message" : d.subject(), body.toString());
    }

    static String listJson(List<MailInbox.Details> messages) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            summaryJson(json, messages.get(i));
            json.append('}');
        }
        return json.append("]\n").toString();
    }

    static String detailJson(MailInbox.Details d) {
        StringBuilder json = new StringBuilder();
        summaryJson(json, d);
        json.append(",\"cc\":").append(Escape.json(d.cc()));
        json.append(",\"text\":").append(Escape.json(d.text()));
        json.append(",\"html\":").append(Escape.json(d.html()));
        json.append(",\"attachments\":[");
        for (int i = 0; i < d.attachments().size(); i++) {
            json.append(i > 0 ? "," : "").append(Escape.json(d.attachments().get(i)));
        }
        json.append("],\"headers\":[");
        for (int i = 0; i < d.headers().size(); i++) {
            Map.Entry<String, String> h = d.headers().get(i);
            json.append(i > 0 ? "," : "").append("{\"name\":").append(Escape.json(h.getKey()))
                    .append(",\"value\":").append(Escape.json(h.getValue())).append('}');
        }
        return json.append("]}\n").toString();
    }

    private static void summaryJson(StringBuilder json, MailInbox.Details d) {
        json.append("{\"index\":").append(d.index())
                .append(",\"from\":").append(Escape.json(d.from()))
                .append(",\"to\":").append(Escape.json(d.to()))
                .append(",\"subject\":").append(Escape.json(d.subject()))
                .append(",\"date\":").append(Escape.json(d.date() == null ? null : d.date().toString()))
                .append(",\"received\":").append(Escape.json(d.received() == null ? null : d.received().toString()))
                .append(",\"messageId\":").append(Escape.json(d.messageId()));
    }

    private static void row(StringBuilder body, String name, String value) {
        body.append("<tr><th>").append(Escape.html(name)).append("</th><td>").append(Escape.html(value)).append("</td></tr>\n");
    }

    private static String display(Instant instant) {
        return instant == null ? "" : DISPLAY.format(instant);
    }

    private static String page(String title, String body) {
        return page(title, "", body);
    }

    private static String page(String title, String head, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + head
                + "<title>" + Escape.html(title) + " - dev-stack mail</title>\n<style>"
                + "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
                + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;"
                + "border-bottom:1px solid #ddd;vertical-align:top}table.meta th,table.headers th{width:10rem}"
                + "pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}"
                + "iframe{width:100%;height:32rem;border:1px solid #ccc}small,.hint{color:#666;font-weight:normal}"
                + "td{word-break:break-word}"
                + "</style></head>\n<body>\n" + body + "</body></html>\n";
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void sendText(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type + "; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean noBody = status == 204 || exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
