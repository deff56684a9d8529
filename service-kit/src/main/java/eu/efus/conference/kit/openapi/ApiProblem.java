package eu.efus.conference.kit.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One refusal an endpoint answers with, documented as an {@code application/problem+json} response of the shared
 * problem shape. Several with the same status are listed under one response. The refusals every endpoint shares
 * (invalid input, unknown id, staff credentials, an overloaded gateway) are added by {@link ConferenceOpenApi} and
 * need no annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ApiProblem.List.class)
public @interface ApiProblem {

    /** The HTTP status, e.g. 409. */
    int status();

    /** When the endpoint answers with it, said for the client. */
    String description();

    /** The container of repeated {@link ApiProblem}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ApiProblem[] value();
    }
}
