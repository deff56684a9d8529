package eu.efus.conference.kit.openapi;

import eu.efus.conference.kit.security.StaffEndpoints;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * What every service's OpenAPI document shares, so that no service repeats it: the gateway as server, the problem
 * shape of every error answer, staff authentication (from the service's own {@link StaffEndpoints}, so the document
 * cannot drift from the security rules), the meaning of {@code Idempotency-Key} and {@code X-Manage-Token}, and the
 * refusals every endpoint shares. Endpoint-specific refusals come from {@link ApiProblem} on the handler.
 */
public class ConferenceOpenApi implements GlobalOpenApiCustomizer {

    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_PROBLEM_SCHEMA = "FieldProblem";
    /** HTTP Basic with a staff account, at the gateway. */
    public static final String STAFF_BASIC = "staffBasic";
    /** The gateway's signed staff token, for calling a service directly. */
    public static final String STAFF_TOKEN = "staffToken";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    public static final String MANAGE_TOKEN = "X-Manage-Token";

    /** What springdoc calls a document whose service set no title or version. */
    private static final Set<String> DEFAULT_TITLES = Set.of("OpenAPI definition");
    private static final Set<String> DEFAULT_VERSIONS = Set.of("v0");
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    private static final String COMMON_DESCRIPTION = """
            Reached through the gateway, which is the server of this document. Errors are \
            `application/problem+json` (RFC 9457) with `status`, `title`, `detail` and, for invalid input, \
            `errors`: `[{field, message}]`. Staff endpoints take a staff account with HTTP Basic at the gateway; \
            the gateway passes the staff identity on to the service as a short-lived signed token.""";

    private final String title;
    private final String version;
    private final Supplier<StaffEndpoints> staffEndpoints;
    private final long maxBodyBytes;

    /**
     * @param title          the document's title when the service gave none (its application name)
     * @param version        the document's version when the service gave none
     * @param staffEndpoints the service's staff rules, read when the document is built
     * @param maxBodyBytes   the request body limit, for the 413 answer
     */
    public ConferenceOpenApi(String title, String version, Supplier<StaffEndpoints> staffEndpoints, long maxBodyBytes) {
        this.title = title;
        this.version = version;
        this.staffEndpoints = staffEndpoints;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void customise(OpenAPI api) {
        info(api);
        // Relative: the origin the document was fetched from. Through the gateway (/v3/api-docs/{service}) that is
        // the gateway, so "Try it out" goes through it like any client; fetched from a service directly, the service.
        api.setServers(new ArrayList<>(List.of(new Server().url("/")
                .description("The gateway (the origin of this document; every public path is reached through it)"))));
        components(api);
        List<StaffRule> rules = staffRules(staffEndpoints.get());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operation(path, method, operation, rules)));
    }

    private void info(OpenAPI api) {
        Info info = api.getInfo() == null ? new Info() : api.getInfo();
        if (blank(info.getTitle()) || DEFAULT_TITLES.contains(info.getTitle())) {
            info.setTitle(title);
        }
        if (blank(info.getVersion()) || DEFAULT_VERSIONS.contains(info.getVersion())) {
            info.setVersion(version);
        }
        String description = info.getDescription();
        if (blank(description)) {
            info.setDescription(COMMON_DESCRIPTION);
        } else if (!description.contains(COMMON_DESCRIPTION)) {
            info.setDescription(description.strip() + "\n\n" + COMMON_DESCRIPTION);
        }
        api.setInfo(info);
    }

    private void components(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        components.addSchemas(FIELD_PROBLEM_SCHEMA, object("One invalid field of a request and what is wrong with it")
                .addProperty("field", string("The field's JSON path, e.g. `consents.privacyPolicy`, or the parameter")
                        .example("email"))
                .addProperty("message", string("What is wrong with it").example("must be a valid email address"))
                .required(List.of("field", "message")));
        components.addSchemas(PROBLEM_SCHEMA, object("RFC 9457 problem details: the shape of every error answer")
                .addProperty("type", string("A URI naming the kind of problem; `about:blank` when the status says it all")
                        .example("about:blank"))
                .addProperty("title", string("Short summary of the kind of problem").example("Invalid request"))
                .addProperty("status", typed("integer", "The HTTP status").format("int32").example(400))
                .addProperty("detail", string("What went wrong with this request")
                        .example("email: must be a valid email address"))
                .addProperty("instance", string("The request path, when the service sets it"))
                .addProperty("errors", typed("array", "Invalid input only: every invalid field or parameter")
                        .items(ref(FIELD_PROBLEM_SCHEMA)))
                .required(List.of("title", "status", "detail")));
        components.addSecuritySchemes(STAFF_BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A staff account (user name and password) sent to the gateway with HTTP Basic. The gateway "
                        + "checks it and passes the staff identity on to the service as a signed staff token."));
        components.addSecuritySchemes(STAFF_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("The staff token the gateway issues for the services: an HS256 JWT (issuer "
                        + "`conference-gateway`, audience `conference-services`, staff roles in `roles`) valid for a "
                        + "minute. Only for calling a service directly: the gateway replaces any Authorization it receives."));
        api.setComponents(components);
    }

    private void operation(String path, PathItem.HttpMethod method, Operation operation, List<StaffRule> rules) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean idempotencyKey = false;
        boolean manageToken = false;
        boolean query = false;
        for (Parameter parameter : parameters) {
            if ("header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
                idempotencyKey = true;
                describeIdempotencyKey(parameter);
            } else if ("header".equals(parameter.getIn()) && MANAGE_TOKEN.equalsIgnoreCase(parameter.getName())) {
                manageToken = true;
                describeManageToken(parameter);
            } else if ("query".equals(parameter.getIn())) {
                query = true;
            }
        }

        List<String> roles = roles(rules, method, path);
        if (roles != null) {
            if (operation.getSecurity() == null) {
                operation.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(STAFF_BASIC),
                        new SecurityRequirement().addList(STAFF_TOKEN))));
            }
            String named = named(roles);
            String note = "Staff only: role " + named + ".";
            if (operation.getDescription() == null || !operation.getDescription().contains(note)) {
                operation.setDescription(operation.getDescription() == null ? note : operation.getDescription().strip() + "\n\n" + note);
            }
            putIfAbsent(responses, 401, "No staff credentials, or not valid ones");
            putIfAbsent(responses, 403, "The staff member's role is not " + named);
        }
        if (operation.getRequestBody() != null) {
            putIfAbsent(responses, 400, "Invalid request: the body is not valid JSON, has a field the API does not "
                    + "define, or a field is invalid (`errors` names each one)");
            putIfAbsent(responses, 413, "The request body is over " + (maxBodyBytes / 1024) + " KB");
        } else if (query || idempotencyKey) {
            putIfAbsent(responses, 400, "Invalid request: a parameter is invalid (`errors` names it)");
        }
        if (idempotencyKey) {
            putIfAbsent(responses, 422, "The Idempotency-Key was already used with a different request body");
            responses.forEach((code, response) -> {
                if (code.startsWith("2") && (response.getHeaders() == null || !response.getHeaders().containsKey(IDEMPOTENT_REPLAYED))) {
                    response.addHeaderObject(IDEMPOTENT_REPLAYED, new Header()
                            .description("`true` when this is the stored answer to an earlier request with the same "
                                    + "Idempotency-Key and body (nothing new was created)")
                            .schema(typed("boolean", null)));
                }
            });
        }
        if (path.contains("{")) {
            putIfAbsent(responses, 404, manageToken
                    ? "Unknown id, or missing or wrong X-Manage-Token (the answer never says which)"
                    : "Nothing with this code or id");
        }
        if (roles == null && WRITES.contains(method)) {
            putIfAbsent(responses, 429, retryLater("Too many writes from the client's address (limit of the gateway)"));
        }
        putIfAbsent(responses, 500, "Unexpected error; it was logged and the request can be retried");
        putIfAbsent(responses, 503, retryLater("The service is busy or unreachable (answered by the gateway)"));
        operation.setResponses(sorted(responses));
    }

    private static void describeIdempotencyKey(Parameter parameter) {
        if (blank(parameter.getDescription())) {
            parameter.setDescription("Makes the write safe to repeat: the same key with the same body returns the first "
                    + "answer again (with `Idempotent-Replayed: true`) and creates nothing new; the same key with "
                    + "another body is refused with 422. Send one with every write you might repeat: the gateway also "
                    + "retries such writes on another instance when one fails.");
        }
        parameter.setSchema(string(null).minLength(1).maxLength(64).example("5f0c7a2e-9f5e-4d0b-a1a4-3c6e2b7d9e10"));
    }

    private static void describeManageToken(Parameter parameter) {
        if (blank(parameter.getDescription())) {
            parameter.setDescription("The private token of the emailed link (the `token` in its `#id=…&token=…` "
                    + "fragment). Missing or wrong, the answer is 404, as for an unknown id.");
        }
    }

    private static ApiResponse retryLater(String description) {
        return problem(description).addHeaderObject("Retry-After", new Header()
                .description("Seconds to wait before trying again").schema(typed("integer", null)));
    }

    /** A problem+json answer of the shared shape. */
    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref(PROBLEM_SCHEMA))));
    }

    private static void putIfAbsent(ApiResponses responses, int status, String description) {
        putIfAbsent(responses, status, problem(description));
    }

    private static void putIfAbsent(ApiResponses responses, int status, ApiResponse response) {
        responses.putIfAbsent(String.valueOf(status), response);
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        if (responses.getExtensions() != null) {
            sorted.setExtensions(responses.getExtensions());
        }
        return sorted;
    }

    /** One staff rule of the service, compiled the way Spring Security matches it. */
    private record StaffRule(HttpMethod method, PathPattern pattern, List<String> roles) {
    }

    private static List<StaffRule> staffRules(StaffEndpoints endpoints) {
        List<StaffRule> rules = new ArrayList<>();
        if (endpoints != null) {
            for (StaffEndpoints.Rule rule : endpoints.rules()) {
                rules.add(new StaffRule(rule.method(), PathPatternParser.defaultInstance.parse(rule.pattern()), rule.roles()));
            }
        }
        return rules;
    }

    /** The roles the first matching rule admits, as the security filter decides; null for a public endpoint. */
    private static List<String> roles(List<StaffRule> rules, PathItem.HttpMethod method, String path) {
        // A documented variable stands for any one segment: give it a value to match the rule patterns against.
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^/}]+}", "x"));
        for (StaffRule rule : rules) {
            if ((rule.method() == null || rule.method().name().equals(method.name())) && rule.pattern().matches(concrete)) {
                return rule.roles();
            }
        }
        return null;
    }

    /** The roles as the document says them: {@code `A`}, {@code `A` or `B`}, {@code `A`, `B` or `C`}. */
    static String named(List<String> roles) {
        List<String> quoted = roles.stream().map(role -> "`" + role + "`").toList();
        return quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<Object> typed(String type, String description) {
        Schema schema = new Schema<>();
        // Both forms: "type" of OpenAPI 3.0 and the type set of 3.1; the document's version picks the one it writes.
        schema.setType(type);
        schema.setTypes(new LinkedHashSet<>(List.of(type)));
        schema.setDescription(description);
        return schema;
    }

    private static Schema<Object> string(String description) {
        return typed("string", description);
    }

    private static Schema<Object> object(String description) {
        return typed("object", description);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<Object> ref(String name) {
        Schema schema = new Schema<>();
        schema.set$ref("#/components/schemas/" + name);
        return schema;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
