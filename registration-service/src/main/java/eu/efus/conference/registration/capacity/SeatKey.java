package eu.efus.conference.registration.capacity;

/** Identifies one pool of seats: an event's own seats, or one of its sessions'. */
public record SeatKey(String eventCode, String sessionCode) {

    public static SeatKey event(String eventCode) {
        return new SeatKey(eventCode, null);
    }

    public static SeatKey session(String eventCode, String sessionCode) {
        return new SeatKey(eventCode, sessionCode);
    }

    public boolean isEvent() {
        return sessionCode == null;
    }

    /** The document id of this pool. */
    public String id() {
        return sessionCode == null ? eventCode : eventCode + "/" + sessionCode;
    }
}
