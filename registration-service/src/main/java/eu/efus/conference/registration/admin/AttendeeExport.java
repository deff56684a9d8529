package eu.efus.conference.registration.admin;

import eu.efus.conference.registration.registration.Registration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** The attendee list as CSV (RFC 4180, UTF-8), safe to open in a spreadsheet; new columns only ever go last. */
final class AttendeeExport {

    static final String HEADER = "id,status,firstName,lastName,email,organisation,country,category,language,sessions,"
            + "dietaryRequirements,accessibilityNeeds,photographyConsent,createdAt,checkedInAt";

    private AttendeeExport() {
    }

    static String csv(List<Registration> registrations) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (Registration r : registrations) {
            String sessions = r.sessions().stream().map(s -> s.code() + ":" + s.status()).collect(Collectors.joining(" "));
            out.append(String.join(",", List.of(cell(r.id()), cell(r.status().name()), cell(r.participant().firstName()),
                    cell(r.participant().lastName()), cell(r.participant().email()), cell(r.participant().organisation()),
                    cell(r.participant().country()), cell(r.participant().category()), cell(r.language()), cell(sessions),
                    cell(r.dietaryRequirements()), cell(r.accessibilityNeeds()), cell(String.valueOf(r.photographyConsent())),
                    cell(r.createdAt().atOffset(ZoneOffset.UTC).toString()),
                    cell(r.checkedInAt() == null ? null : r.checkedInAt().atOffset(ZoneOffset.UTC).toString())))).append("\r\n");
        }
        return out.toString();
    }

    /** Quotes when needed, and defuses values a spreadsheet would run as a formula. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || !text.equals(value)) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
