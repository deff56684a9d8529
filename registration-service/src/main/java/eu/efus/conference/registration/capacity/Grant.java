package eu.efus.conference.registration.capacity;

/**
 * What a pool gave one registration: a seat, or a waiting-list ticket (arrival order) with the place in line it had
 * when given ({@code position}, null when not known at that moment).
 */
public record Grant(boolean seat, long ticket, Integer position) {

    public static Grant ofSeat() {
        return new Grant(true, 0, null);
    }

    public static Grant ofTicket(long ticket, Integer position) {
        return new Grant(false, ticket, position);
    }
}
