package eu.efus.conference.registration.registration;

import eu.efus.conference.kit.problem.FieldProblem;
import eu.efus.conference.registration.catalog.ConferenceEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The programme rules a session choice must follow: known sessions, each once, none overlapping another. */
public final class ScheduleRules {

    private ScheduleRules() {
    }

    public static List<FieldProblem> check(ConferenceEvent event, List<String> codes) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ConferenceEvent.Session> chosen = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!seen.add(code)) {
                problems.add(new FieldProblem("sessions[" + i + "]", "session " + code + " is chosen twice"));
                continue;
            }
            String field = "sessions[" + i + "]";
            event.session(code).ifPresentOrElse(chosen::add,
                    () -> problems.add(new FieldProblem(field, "no session " + code + " in event " + event.code())));
        }
        for (int i = 0; i < chosen.size(); i++) {
            for (int j = i + 1; j < chosen.size(); j++) {
                if (chosen.get(i).overlaps(chosen.get(j))) {
                    problems.add(new FieldProblem("sessions", "sessions " + chosen.get(i).code() + " and "
                            + chosen.get(j).code() + " take place at the same time; choose one of them"));
                }
            }
        }
        return problems;
    }
}
