package eu.efus.conference.devstack;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One application service the launcher starts as a child JVM. The table {@link #ALL} is the only
 * place to touch when a service is added.
 *
 * @param module   Maven module name; the jar is {@code <module>/target/<module>.jar}
 * @param name     short name: MongoDB database name and gateway route key
 *                 ({@code --conference.routes.<name>=...})
 * @param port     its HTTP port
 * @param needs    which infrastructure it gets arguments for
 */
public record ServiceSpec(String module, String name, Port port, Set<Need> needs) {

    public enum Need {
        /** {@code --spring.mongodb.uri=mongodb://localhost:<port>/<name>} */
        MONGO,
        /** Kafka binder brokers */
        KAFKA,
        /** {@code --spring.mail.host/port} pointing at GreenMail */
        MAIL,
        /** {@code --conference.routes.<name>=...} for every other started service that has a route */
        ROUTES_TO_SERVICES,
        /** is itself a route target of the gateway */
        ROUTED
    }

    /**
     * Start order. Services must tolerate any order; the launcher does not wait between them. Every one is
     * required: a missing jar stops the launcher with the list of what to build.
     */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("registration-service", "registration", Port.REGISTRATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.ROUTED)),
            new ServiceSpec("accreditation-service", "accreditation", Port.ACCREDITATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.ROUTED)),
            new ServiceSpec("notification-service", "notification", Port.NOTIFICATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.MAIL, Need.ROUTED)),
            new ServiceSpec("gateway", "gateway", Port.GATEWAY,
                    EnumSet.of(Need.ROUTES_TO_SERVICES)));

    public ServiceSpec {
        needs = needs.isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(needs);
    }

    /** Spring command-line properties for this service, given the services actually started. */
    public List<String> arguments(StackConfig config, List<ServiceSpec> started) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + config.port(port));
        args.add("--conference.public-base-url=" + config.publicBaseUrl());
        if (needs.contains(Need.MONGO)) {
            args.add("--spring.mongodb.uri=" + config.mongoUri(name));
        }
        if (needs.contains(Need.KAFKA)) {
            args.add("--spring.cloud.stream.kafka.binder.brokers=" + config.kafkaBootstrap());
            args.add("--spring.kafka.bootstrap-servers=" + config.kafkaBootstrap());
        }
        if (needs.contains(Need.MAIL)) {
            args.add("--spring.mail.host=localhost");
            args.add("--spring.mail.port=" + config.port(Port.SMTP));
        }
        if (needs.contains(Need.ROUTES_TO_SERVICES)) {
            for (ServiceSpec other : started) {
                if (other != this && other.needs.contains(Need.ROUTED)) {
                    args.add("--conference.routes." + other.name + "=http://localhost:" + config.port(other.port));
                }
            }
        }
        return args;
    }

    /** JVM options for this service: the defaults, then {@code SERVICE_JAVA_OPTS} (later wins). */
    public List<String> jvmOptions(StackConfig config) {
        List<String> opts = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
        opts.addAll(config.serviceJavaOpts());
        return opts;
    }

    /**
     * The services to start for this configuration: all of them, or none with {@code --infra-only}. Whether their
     * jars exist is checked by the launcher, which reports every missing one at once.
     */
    public static List<ServiceSpec> selected(StackConfig config) {
        return config.infraOnly() ? List.of() : ALL;
    }
}
