package eu.efus.conference.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A log written by Boot's structured console ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) as tests check it: one
 * JSON object per line, each with its {@code @timestamp}, from the first JSON line to the end. Before that line only
 * what the JVM prints before logging is set up is allowed (a JVM warning, Boot's banner): a few lines, none of them a
 * plain-text log event. A line that is not JSON after logging started fails the check, whatever it says.
 */
public final class JsonLogLines {

    /** Most lines the JVM and Boot print before the first log event. */
    public static final int MAX_PREAMBLE_LINES = 20;
    /** The start of a plain-text log event in Boot's default console format: its ISO-8601 timestamp. */
    private static final Pattern PLAIN_LOG_EVENT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d.*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLogLines() {
    }

    /** The log events of {@code lines} (read from {@code source}, named in failures); fails on any line out of place. */
    public static List<JsonNode> parse(List<String> lines, String source) {
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("{")) {
            first++;
        }
        if (first == lines.size()) {
            throw new AssertionError(source + " holds no JSON line:\n" + String.join("\n", lines));
        }
        List<String> preamble = lines.subList(0, first);
        if (preamble.size() > MAX_PREAMBLE_LINES) {
            throw new AssertionError(source + ": " + preamble.size() + " lines before the first JSON one:\n"
                    + String.join("\n", preamble));
        }
        for (String line : preamble) {
            if (PLAIN_LOG_EVENT.matcher(line).matches()) {
                throw new AssertionError(source + ": a plain-text log event before the JSON ones: " + line);
            }
        }
        List<JsonNode> events = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            String line = lines.get(i);
            JsonNode event;
            try {
                event = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new AssertionError(source + " line " + (i + 1) + " is not JSON: " + line);
            }
            if (event == null || !event.isObject() || !event.has("@timestamp")) {
                throw new AssertionError(source + " line " + (i + 1) + " is not a log event: " + line);
            }
            events.add(event);
        }
        return events;
    }
}
