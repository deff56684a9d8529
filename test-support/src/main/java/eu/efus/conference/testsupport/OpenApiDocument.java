package eu.efus.conference.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI document as tests read it: which routes it lacks compared with the routes the service serves,
 * and what one operation documents (parameters, responses), with {@code $ref}s followed.
 */
public final class OpenApiDocument {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /**
     * The API reference people read, from a service module's directory (where Maven runs its tests): it names every
     * operation of every service.
     */
    public static final Path API_REFERENCE = Path.of("..", "docs", "api.md");
    /** An operation as the reference names it: a code span opening with the method and the path. */
    private static final Pattern REFERENCED = Pattern.compile("`(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (/[^`\\s?]*)");

    /**
     * One route a service serves: an HTTP method ({@code null} for any) and a path pattern such as
     * {@code /api/events/{code}}.
     */
    public record Route(String method, String path) {

        @Override
        public String toString() {
            return (method == null ? "*" : method) + " " + path;
        }
    }

    /** One documented operation: its method (upper case), its path as the document spells it, and its node. */
    public record Operation(String method, String path, JsonNode node) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    /**
     * Every route a Spring MVC service's controllers serve (one per method and pattern; a mapping without a method
     * condition gives a route with a null method); springdoc's own and Spring Boot's {@code /error} are not part of
     * the API.
     */
    public static List<Route> servedRoutes(RequestMappingHandlerMapping mappings) {
        List<Route> routes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            String owner = handler.getBeanType().getName();
            if (owner.startsWith("org.springdoc.") || owner.startsWith("org.springframework.boot.")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    routes.add(new Route(null, pattern));
                } else {
                    methods.forEach(method -> routes.add(new Route(method.name(), pattern)));
                }
            }
        });
        return routes;
    }

    /** The document a service answered at {@code /v3/api-docs}: fails unless it came as 200 and JSON. */
    public static OpenApiDocument served(Http.Response response) {
        if (response.status() != 200 || response.contentType() == null || !response.contentType().startsWith("application/json")) {
            throw new AssertionError("/v3/api-docs answered " + response.status() + " " + response.contentType() + ": " + response.raw());
        }
        return new OpenApiDocument(response.body());
    }

    public OpenApiDocument(JsonNode root) {
        if (root == null || !root.has("openapi")) {
            throw new IllegalArgumentException("not an OpenAPI document: " + root);
        }
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        return new OpenApiDocument(JSON.readTree(json));
    }

    public JsonNode root() {
        return root;
    }

    /** The documented operations as "METHOD /path/{}", path variables unnamed. */
    public Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()));
                }
            }
        }
        return operations;
    }

    /** Every documented operation, in the document's order. */
    public List<Operation> allOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    /**
     * Whether the operation cannot be called without credentials: it (or the document) names security requirements,
     * none of them empty (an empty one, {@code {}}, makes credentials optional).
     */
    public boolean requiresCredentials(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        if (security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The names of the security schemes the operation accepts (any one of them), empty for none. */
    public Set<String> securitySchemes(JsonNode operation) {
        JsonNode security = operation.has("security") ? operation.get("security") : root.path("security");
        Set<String> schemes = new TreeSet<>();
        for (JsonNode requirement : security) {
            schemes.addAll(requirement.propertyNames());
        }
        return schemes;
    }

    /** The routes the document lacks: a method and path (variables compared by position, not by name) not documented. */
    public List<Route> undocumented(Collection<Route> routes) {
        Set<String> documented = operations();
        List<Route> missing = new ArrayList<>();
        for (Route route : routes) {
            String path = normalise(route.path());
            boolean found = route.method() == null
                    ? documented.stream().anyMatch(op -> op.substring(op.indexOf(' ') + 1).equals(path))
                    : documented.contains(route.method().toUpperCase(Locale.ROOT) + " " + path);
            if (!found) {
                missing.add(route);
            }
        }
        return missing;
    }

    /** The documented operations no route serves (a document describing what does not exist). */
    public List<String> unserved(Collection<Route> routes) {
        Set<String> served = new TreeSet<>();
        Set<String> anyMethod = new TreeSet<>();
        for (Route route : routes) {
            if (route.method() == null) {
                anyMethod.add(normalise(route.path()));
            } else {
                served.add(route.method().toUpperCase(Locale.ROOT) + " " + normalise(route.path()));
            }
        }
        return operations().stream()
                .filter(op -> !served.contains(op) && !anyMethod.contains(op.substring(op.indexOf(' ') + 1)))
                .toList();
    }

    /**
     * The documented operations the Markdown API reference does not name. The reference names an operation in a code
     * span that opens with its method and path: {@code `GET /api/events/{code}`}, {@code `DELETE /api/registrations/{id}`
     * with header ...} or {@code `GET /api/accreditations?event={code}`}; path variables are compared by position, a
     * query string is left out.
     */
    public List<String> missingFrom(Path reference) throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher spans = REFERENCED.matcher(Files.readString(reference));
        while (spans.find()) {
            named.add(spans.group(1) + " " + normalise(spans.group(2)));
        }
        return operations().stream().filter(operation -> !named.contains(operation)).toList();
    }

    /** The operation for this method and path as the document spells it (e.g. {@code /api/events/{code}}). */
    public JsonNode operation(String method, String path) {
        JsonNode operation = root.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            throw new AssertionError("the document has no " + method + " " + path + "; it has " + operations());
        }
        return operation;
    }

    /** The operation's parameter of this name and location ({@code header}, {@code query}, {@code path}), or null. */
    public JsonNode parameter(JsonNode operation, String in, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (in.equals(resolved.path("in").asString()) && name.equalsIgnoreCase(resolved.path("name").asString())) {
                return resolved;
            }
        }
        return null;
    }

    /** The operation's response for this status ("201", "409"…), or null. */
    public JsonNode response(JsonNode operation, int status) {
        JsonNode response = operation.path("responses").path(String.valueOf(status));
        return response.isMissingNode() ? null : resolve(response);
    }

    /** The media types of the operation's response for this status; empty when there is no such response. */
    public Set<String> contentTypes(JsonNode operation, int status) {
        JsonNode response = response(operation, status);
        return response == null ? Set.of() : new TreeSet<>(response.path("content").propertyNames());
    }

    /** The schema of the response for this status and media type, {@code $ref} followed; null when absent. */
    public JsonNode responseSchema(JsonNode operation, int status, String mediaType) {
        JsonNode response = response(operation, status);
        if (response == null) {
            return null;
        }
        JsonNode schema = response.path("content").path(mediaType).path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    /** The schema of the JSON request body, {@code $ref} followed; null when the operation takes none. */
    public JsonNode requestSchema(JsonNode operation) {
        JsonNode schema = resolve(operation.path("requestBody")).path("content").path("application/json").path("schema");
        return schema.isMissingNode() ? null : resolve(schema);
    }

    /** The name of the component schema this node refers to ({@code Problem} for {@code #/components/schemas/Problem}). */
    public static String refName(JsonNode node) {
        String ref = node == null ? "" : node.path("$ref").asString("");
        return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** Follows a local {@code $ref} ({@code #/components/...}); anything else is returned as it is. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/")) {
                return current;
            }
            JsonNode target = root;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            if (target.isMissingNode()) {
                throw new AssertionError("broken reference " + ref);
            }
            current = target;
        }
        return current;
    }

    /** A path with its variables unnamed: {@code /api/events/{code}} and {@code /api/events/{id}} compare equal. */
    public static String normalise(String path) {
        String unnamed = path.replaceAll("\\{[^}]*}", "{}");
        return unnamed.length() > 1 && unnamed.endsWith("/") ? unnamed.substring(0, unnamed.length() - 1) : unnamed;
    }
}
