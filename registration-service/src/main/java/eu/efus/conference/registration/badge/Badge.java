package eu.efus.conference.registration.badge;

/**
 * What one badge prints, already in the badge's language: the renderer only lays it out.
 *
 * @param firstName    printed large, on its own line
 * @param lastName     printed large, on the line below
 * @param organisation the organisation or media outlet; null or blank when none was given
 * @param country      the country's name; null or blank when unknown
 * @param category     the category's name; not printed when {@code pressMark} is set (the band says it)
 * @param pressMark    the word of the press band ("PRESS") for an accredited journalist, null for everyone else
 * @param eventTitle   the event's title, printed in the top band
 * @param checkInCode  the registration's check-in code as the emails print it ({@code XXXX-XXXX-XXXX-XXXX}): the QR
 *                     code carries it, and it is printed below for the desk to type when a scan fails
 */
public record Badge(String firstName, String lastName, String organisation, String country, String category,
        String pressMark, String eventTitle, String checkInCode) {

    public boolean press() {
        return pressMark != null && !pressMark.isBlank();
    }
}
