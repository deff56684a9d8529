package eu.efus.conference.registration.checkin;

import eu.efus.conference.kit.openapi.ApiProblem;
import eu.efus.conference.kit.security.StaffTokenSecurity;
import eu.efus.conference.registration.ApiDocumentation;
import eu.efus.conference.registration.registration.Registration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The check-in desks (role CHECK_IN or ORGANIZER, checked by the kit's security): scan a code, download a roster. */
@RestController
@Tag(name = ApiDocumentation.CHECK_IN_TAG)
public class CheckInController {

    private final CheckInDesk desk;
    private final Roster roster;

    public CheckInController(CheckInDesk desk, Roster roster) {
        this.desk = desk;
        this.roster = roster;
    }

    @Operation(operationId = "checkIn", summary = "Admit the holder of a check-in code", description = """
            At the event's desk (no `session`), or boarding a session the person holds a seat in (`session`), which \
            also records their arrival at the event if none was. The first admission is recorded with the desk's \
            account and published once as `eu.efus.registration.checked-in.v1`; scanning again answers \
            `alreadyCheckedIn: true` with the first time. A desk that was offline sends `scannedAt`: an earlier time \
            than the recorded one replaces it (the earliest wins), a later one changes nothing. The answer carries \
            what the desk shows, never the email address, dietary or accessibility needs.""")
    @ApiProblem(status = 400, description = "`code` is missing, `session` is not a session of the person's event, or "
            + "`scannedAt` is not an ISO-8601 time or is more than 5 minutes in the future (`errors` names the field)")
    @ApiProblem(status = 404, description = "No registration has this check-in code (unknown, mistyped or forged)")
    @ApiProblem(status = 409, description = "The registration was cancelled")
    @ApiProblem(status = 409, description = "The person is on the event's waiting list and holds no seat")
    @ApiProblem(status = 409, description = "Boarding a session: the person did not choose it, or is on its waiting list")
    @PostMapping("/api/checkin")
    public CheckInViews.Admission checkIn(@Valid @RequestBody CheckInRequest body, Authentication authentication) {
        CheckInDesk.Admission admission = desk.admit(body.code(), body.session(), body.scannedAt(),
                StaffTokenSecurity.staffName(authentication));
        Registration r = admission.registration();
        return new CheckInViews.Admission(r.id(), r.eventCode(), r.participant().firstName(), r.participant().lastName(),
                r.participant().organisation(), r.participant().country(), r.participant().category(), admission.session(),
                r.sessions().stream().map(c -> new CheckInViews.SessionState(c.code(), c.status().name())).toList(),
                Roster.utc(admission.checkedInAt()), admission.alreadyCheckedIn());
    }

    @Operation(operationId = "checkInRoster", summary = "Everything an offline desk needs for one event", description = """
            The programme, and every registration of the event that is CONFIRMED, WAITLISTED or CANCELLED (so that \
            the desk can say why it refuses a code), ordered by last name, first name and id. A code is named by its \
            `codeKey` only: the SHA-256, in lower-case hex, of the code normalised as the desk reads it (letters and \
            digits only, capitals, O read as 0, I and L as 1). No email address, dietary or accessibility data.""")
    @GetMapping("/api/checkin/events/{eventCode}/roster")
    public CheckInViews.Roster roster(@PathVariable String eventCode) {
        return roster.of(eventCode);
    }
}
