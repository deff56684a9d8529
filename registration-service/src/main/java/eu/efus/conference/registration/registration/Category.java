package eu.efus.conference.registration.registration;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Participant categories; PRESS is only given through press accreditation, never chosen on the public form. */
public enum Category {
    ELECTED_OFFICIAL, LOCAL_AUTHORITY, POLICE, JUSTICE, SOCIAL_WORKER, RESEARCHER, EUROPEAN_INSTITUTION,
    INTERNATIONAL_ORGANISATION, PRIVATE_SECTOR, CIVIL_SOCIETY, SPEAKER, OTHER, PRESS;

    /** The names a participant may choose on the public form. */
    public static final Set<String> PUBLIC = Arrays.stream(values()).filter(c -> c != PRESS).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
}
