package eu.efus.conference.registration.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
}
