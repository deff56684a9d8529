package eu.efus.conference.registration.checkin;

import eu.efus.conference.registration.registration.Registrations;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the registrations stored before check-in codes existed their check-in key, so that their codes are found.
 *
 * <p>It runs at every start, once the application is ready, on a thread of its own: readiness never waits for it, and
 * until it has reached a registration a scan of that registration's code answers 404 (a start-up takes seconds, an
 * event's doors open weeks after a deployment). It reads the ids of registrations without a key in batches, and sets
 * each key only where the registration still has none, without touching its version: running it twice, or on several
 * instances at once, sets each key once, and a transition writing the same registration meanwhile keeps the key
 * ({@link Registrations} never removes it). Once every registration has its key, a pass is one query finding nothing.
 */
@Component
public class CheckInKeyBackfill {

    private static final Logger log = LoggerFactory.getLogger(CheckInKeyBackfill.class);
    private static final int BATCH = 500;

    private final Registrations registrations;
    private final CheckInCodes codes;

    public CheckInKeyBackfill(Registrations registrations, CheckInCodes codes) {
        this.registrations = registrations;
        this.codes = codes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        Thread thread = new Thread(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                log.warn("Giving check-in keys to older registrations failed; the next start retries: {}", e.toString());
            }
        }, "check-in-keys");
        thread.setDaemon(true);
        thread.start();
    }

    /** One pass; returns how many registrations it gave a key. */
    public int run() {
        int given = 0;
        while (true) {
            List<String> ids = registrations.withoutCheckInKey(BATCH);
            int before = given;
            for (String id : ids) {
                if (registrations.giveCheckInKey(id, codes.keyFor(id))) {
                    given++;
                }
            }
            // A batch where nothing could be set (another instance got there first) ends the pass.
            if (ids.size() < BATCH || given == before) {
                break;
            }
        }
        if (given > 0) {
            log.info("Gave {} older registrations their check-in key", given);
        }
        return given;
    }
}
