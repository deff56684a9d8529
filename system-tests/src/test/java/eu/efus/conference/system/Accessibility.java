package eu.efus.conference.system;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility audit of the page a browser shows, with axe-core (Deque Systems, MPL-2.0): the rules of WCAG 2.0 and
 * 2.1, levels A and AA, and axe's best practices.
 *
 * <p>axe-core is not part of the sources: its npm tarball (the version pinned below, checked against the SHA-512 the
 * npm registry publishes for it) is downloaded once into {@code target/axe-core/}, and its {@code axe.min.js} is
 * injected into the page under test. On a machine without access to registry.npmjs.org, {@code -Daxe.script=} names a
 * local copy of that {@code axe.min.js}.
 */
final class Accessibility {

    static final String AXE_VERSION = "4.14.1";
    /** The npm registry's {@code dist.integrity} of axe-core-4.14.1.tgz. */
    private static final String AXE_INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static final String AXE_TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + AXE_VERSION + ".tgz";
    private static final String AXE_ENTRY = "package/axe.min.js";
    static final Path CACHE = Path.of("target", "axe-core");

    /** WCAG 2.0 and 2.1, levels A and AA, plus best practices. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");
    /** Impacts that fail an audit; "moderate" and "minor" ones are reported only. */
    static final Set<String> BLOCKING = Set.of("serious", "critical");

    private static final int MAX_SNIPPET = 400;
    private static String source;

    /** One element a rule failed on: its CSS selector, its HTML and what to fix. */
    record Node(String target, String html, String failureSummary) {
    }

    /** One failed axe rule and the elements it failed on. */
    record Violation(String id, String impact, String help, String helpUrl, List<Node> nodes) {

        boolean blocking() {
            return BLOCKING.contains(impact);
        }
    }

    /**
     * What axe found on one page: the violations, the rules that passed, and the rules it could not decide on (to be
     * checked by hand). {@code url} is the page's address without its #fragment (private links carry a token there).
     */
    record Report(String url, List<Violation> violations, List<String> passed, List<String> incomplete) {

        List<Violation> blocking() {
            return violations.stream().filter(Violation::blocking).toList();
        }

        List<Violation> others() {
            return violations.stream().filter(v -> !v.blocking()).toList();
        }
    }

    private Accessibility() {
    }

    /** Runs axe on the page the driver shows now (injecting it first when the page does not have it yet). */
    @SuppressWarnings("unchecked")
    static Report audit(WebDriver driver) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object present = js.executeScript("return typeof window.axe === 'object' && typeof window.axe.run === 'function';");
        if (!Boolean.TRUE.equals(present)) {
            // Evaluated by the driver (DevTools protocol), so the page's Content-Security-Policy does not stop it.
            js.executeScript(axeSource() + "\n;return typeof window.axe;");
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        Object raw = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const options = { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] };
                window.axe.run(document, options).then((results) => done({
                  url: results.url,
                  passed: results.passes.map((rule) => rule.id),
                  incomplete: results.incomplete.map((rule) => rule.id),
                  violations: results.violations.map((rule) => ({
                    id: rule.id, impact: rule.impact || '', help: rule.help, helpUrl: rule.helpUrl,
                    nodes: rule.nodes.map((node) => ({
                      target: node.target.map((part) => Array.isArray(part) ? part.join(' >>> ') : String(part)).join(', '),
                      html: node.html || '', failureSummary: node.failureSummary || ''
                    }))
                  }))
                }), (error) => done({ error: String(error && error.stack || error) }));
                """, TAGS);
        Map<String, Object> result = (Map<String, Object>) raw;
        if (result == null || result.get("error") != null) {
            throw new IllegalStateException("axe-core could not audit " + driver.getCurrentUrl().replaceAll("#.*", "#…") + ": "
                    + (result == null ? "no answer" : result.get("error")));
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) result.get("violations")) {
            List<Node> nodes = new ArrayList<>();
            for (Map<String, Object> node : (List<Map<String, Object>>) rule.get("nodes")) {
                nodes.add(new Node((String) node.get("target"), (String) node.get("html"), (String) node.get("failureSummary")));
            }
            violations.add(new Violation((String) rule.get("id"), (String) rule.get("impact"), (String) rule.get("help"),
                    (String) rule.get("helpUrl"), nodes));
        }
        String url = (String) result.get("url");
        return new Report(url.contains("#") ? url.substring(0, url.indexOf('#')) + "#…" : url, violations,
                List.copyOf((List<String>) result.get("passed")), List.copyOf((List<String>) result.get("incomplete")));
    }

    /** The violations, each with its rule, impact, help and every failing element (selector, HTML, what to fix). */
    static String describe(List<Violation> violations) {
        StringBuilder out = new StringBuilder();
        for (Violation v : violations) {
            out.append("\n  - ").append(v.id()).append(" [").append(v.impact()).append("] ").append(v.help())
                    .append(" (").append(v.helpUrl()).append(")");
            for (Node node : v.nodes()) {
                out.append("\n      at ").append(node.target());
                out.append("\n         ").append(shorten(node.html()));
                for (String line : node.failureSummary().split("\n")) {
                    if (!line.isBlank()) {
                        out.append("\n         ").append(line.strip());
                    }
                }
            }
        }
        return out.toString();
    }

    private static String shorten(String html) {
        String flat = html.replaceAll("\\s+", " ");
        return flat.length() <= MAX_SNIPPET ? flat : flat.substring(0, MAX_SNIPPET) + "…";
    }

    // --- the library ------------------------------------------------------------------------------------------------

    /** axe.min.js: the local copy named by -Daxe.script, else the pinned release (downloaded once, then cached). */
    static synchronized String axeSource() throws IOException, InterruptedException {
        if (source == null) {
            String local = System.getProperty("axe.script", "");
            Path script = local.isBlank() ? cachedRelease() : Path.of(local);
            source = Files.readString(script, StandardCharsets.UTF_8);
            if (!source.contains("axe v4.")) {
                throw new IllegalStateException(script + " is not axe-core 4.x's axe.min.js");
            }
        }
        return source;
    }

    private static Path cachedRelease() throws IOException, InterruptedException {
        Path script = CACHE.resolve("axe-core-" + AXE_VERSION + ".min.js");
        if (Files.exists(script)) {
            return script;
        }
        Files.createDirectories(CACHE);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(HttpRequest.newBuilder(URI.create(AXE_TARBALL)).timeout(Duration.ofMinutes(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("Could not download " + AXE_TARBALL + " (" + e + "); without access to the npm "
                    + "registry, pass -Daxe.script=/path/to/axe.min.js (axe-core " + AXE_VERSION + ")", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + AXE_TARBALL + " answered " + response.statusCode());
        }
        byte[] tarball = response.body();
        String integrity = "sha512-" + Base64.getEncoder().encodeToString(sha512(tarball));
        if (!integrity.equals(AXE_INTEGRITY)) {
            throw new IOException(AXE_TARBALL + " does not match its published integrity " + AXE_INTEGRITY + ": got " + integrity);
        }
        byte[] content = extract(new GZIPInputStream(new java.io.ByteArrayInputStream(tarball)), AXE_ENTRY);
        Path partial = Files.createTempFile(CACHE, "axe-core-", ".part");
        Files.write(partial, content);
        Files.move(partial, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return script;
    }

    private static byte[] sha512(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One regular file of a tar stream (ustar, with pax extended headers for long names). */
    static byte[] extract(InputStream tar, String wanted) throws IOException {
        byte[] header = new byte[512];
        String paxPath = null;
        while (true) {
            if (!readBlock(tar, header) || header[0] == 0) {
                throw new IOException(wanted + " is not in the archive");
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            String octal = field(header, 124, 12).trim();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            char type = (char) header[156];
            byte[] data = readData(tar, size);
            if (type == 'x') {
                paxPath = paxValue(new String(data, StandardCharsets.UTF_8), "path");
                continue;
            }
            String path = paxPath != null ? paxPath : prefix.isEmpty() ? name : prefix + "/" + name;
            paxPath = null;
            if ((type == '0' || type == 0) && path.equals(wanted)) {
                return data;
            }
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream((int) size);
        byte[] block = new byte[512];
        for (long left = size; left > 0; left -= 512) {
            if (!readBlock(in, block)) {
                throw new EOFException("truncated tar entry");
            }
            data.write(block, 0, (int) Math.min(512, left));
        }
        return data.toByteArray();
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** A value of a pax extended header: records "LENGTH KEY=VALUE\n". */
    private static String paxValue(String records, String key) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith(key + "=", space + 1)) {
                return record.substring(space + 2 + key.length());
            }
        }
        return null;
    }
}
