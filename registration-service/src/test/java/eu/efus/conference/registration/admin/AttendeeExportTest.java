package eu.efus.conference.registration.admin;

import static org.assertj.core.api.Assertions.assertThat;

import eu.efus.conference.contracts.Participant;
import eu.efus.conference.registration.registration.Registration;
import eu.efus.conference.registration.registration.RegistrationStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendeeExportTest {

    @Test
    void cellsAreQuotedWhenNeededAndFormulasDefused() {
        assertThat(AttendeeExport.cell("Ana")).isEqualTo("Ana");
        assertThat(AttendeeExport.cell("Lisbon, PT")).isEqualTo("\"Lisbon, PT\"");
        assertThat(AttendeeExport.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AttendeeExport.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AttendeeExport.cell("@SUM(A1)")).startsWith("\"'@");
        assertThat(AttendeeExport.cell(null)).isEmpty();
    }

    @Test
    void theArrivalIsTheLastColumnEmptyUntilTheAttendeeIsAdmitted() {
        Instant created = Instant.parse("2027-01-15T09:30:00.123Z");
        Registration waiting = attendee("r-1", created, null);
        Registration arrived = attendee("r-2", created, Instant.parse("2027-03-18T08:41:07Z"));
        String[] lines = AttendeeExport.csv(List.of(waiting, arrived)).split("\r\n");
        assertThat(lines[0]).endsWith(",createdAt,checkedInAt");
        assertThat(lines[1]).startsWith("r-1,").endsWith(",2027-01-15T09:30:00.123Z,");
        assertThat(lines[2]).startsWith("r-2,").endsWith(",2027-01-15T09:30:00.123Z,2027-03-18T08:41:07Z");
        assertThat(lines[2].split(",", -1)).hasSameSizeAs(lines[0].split(","));
    }

    private static Registration attendee(String id, Instant created, Instant checkedInAt) {
        return new Registration(id, "SDC", null, null, "", RegistrationStatus.CONFIRMED,
                new Participant("Ana", "Example", "ana@example.org", null, "PT", "POLICE"), "en", null, null, false,
                List.of(), null, null, List.of(), "key", created, created, null, checkedInAt,
                checkedInAt == null ? null : "desk-1", null, 1);
    }
}
