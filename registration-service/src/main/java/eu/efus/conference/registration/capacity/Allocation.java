package eu.efus.conference.registration.capacity;

/** The outcome of asking for a seat: held, or waiting at a 1-based position in arrival order. */
public record Allocation(boolean confirmed, Integer waitlistPosition) {

    public static Allocation seat() {
        return new Allocation(true, null);
    }

    public static Allocation waiting(int position) {
        return new Allocation(false, position);
    }
}
