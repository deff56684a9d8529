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
        ROUTED,
        /** {@code --management.server.port=<GATEWAY_MANAGEMENT_PORT>}: its actuator listens apart from the public port */
        MANAGEMENT_PORT,
        /** the embedded stack's demo staff accounts (documented in the README), given on the command line */
        DEMO_STAFF_ACCOUNTS,
        /** signs (the gateway) or verifies (a service) the staff tokens: {@link #DEMO_STAFF_TOKEN_SECRET} */
        STAFF_TOKEN_SECRET,
        /** signs the check-in codes and loads the demo programme: {@link #DEMO_CHECKIN_SECRET}, {@link #DEMO_DATA} */
        CHECK_IN_CODES_AND_DEMO_DATA
    }

    /**
     * A setting the embedded stack gives a service on the command line, unless the launcher's environment gives it
     * under {@code variable} (the child inherits that one, and the command line would override it).
     */
    public record DemoSetting(String variable, String property, String value) {

        String argument() {
            return "--" + property + "=" + value;
        }
    }

    /**
     * DEMO SECRETS of the embedded stack only, public like the demo accounts: anyone could forge staff tokens and
     * check-in codes with them. The jars have none; a deployment gives its own (README, "Staff accounts").
     */
    public static final DemoSetting DEMO_STAFF_TOKEN_SECRET = new DemoSetting("CONFERENCE_STAFF_TOKEN_SECRET",
            "conference.staff-token.secret", "demo-only-staff-token-secret-change-me-0123456789");
    public static final DemoSetting DEMO_CHECKIN_SECRET = new DemoSetting("CONFERENCE_CHECKIN_SECRET",
            "conference.checkin.secret", "demo-only-checkin-secret-change-me-0123456789abcdef");
    /** The demo programme (SDC-BRUSSELS and two webconferences), off in the jar. */
    public static final DemoSetting DEMO_DATA = new DemoSetting("CONFERENCE_DEMO_DATA", "conference.demo-data", "true");
    /** Every demo setting, for the checks that keep them apart from the jars. */
    public static final List<DemoSetting> DEMO_SETTINGS = List.of(DEMO_STAFF_TOKEN_SECRET, DEMO_CHECKIN_SECRET, DEMO_DATA);

    /**
     * DEMO ACCOUNTS of the embedded stack only (documented in the README): organizer / demo-organizer,
     * press-officer / demo-press and checkin / demo-checkin (the check-in desk), as bcrypt hashes. A real deployment
     * gives its own accounts (see the README).
     */
    static final List<String> DEMO_STAFF_ACCOUNTS = List.of(
            "--conference.staff.accounts[0].username=organizer",
            "--conference.staff.accounts[0].password-hash={bcrypt}$2a$10$pM0IvrYCLIn6EXMYNTsHoO86/aQSVkexO5Lynxwp/g2RaYPGc0hC6",
            "--conference.staff.accounts[0].roles=ORGANIZER",
            "--conference.staff.accounts[1].username=press-officer",
            "--conference.staff.accounts[1].password-hash={bcrypt}$2a$10$Yr3BncedpFS7vlZ6LLrbL.jZpcl5wrYgsU6lo1caukUspG7jk08mW",
            "--conference.staff.accounts[1].roles=PRESS_OFFICER",
            "--conference.staff.accounts[2].username=checkin",
            "--conference.staff.accounts[2].password-hash={bcrypt}$2a$10$gST7mm0YiJv1.iDCqPH3P.GfYuuZ4bBXNvMG7lxWbF/sqcAAOQIeu",
            "--conference.staff.accounts[2].roles=CHECK_IN");

    /**
     * Start order. Services must tolerate any order; the launcher does not wait between them. Every one is
     * required: a missing jar stops the launcher with the list of what to build.
     */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("registration-service", "registration", Port.REGISTRATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.ROUTED, Need.STAFF_TOKEN_SECRET,
                            Need.CHECK_IN_CODES_AND_DEMO_DATA)),
            new ServiceSpec("accreditation-service", "accreditation", Port.ACCREDITATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.ROUTED, Need.STAFF_TOKEN_SECRET)),
            new ServiceSpec("notification-service", "notification", Port.NOTIFICATION,
                    EnumSet.of(Need.MONGO, Need.KAFKA, Need.MAIL, Need.ROUTED, Need.STAFF_TOKEN_SECRET)),
            new ServiceSpec("gateway", "gateway", Port.GATEWAY,
                    EnumSet.of(Need.ROUTES_TO_SERVICES, Need.MANAGEMENT_PORT, Need.DEMO_STAFF_ACCOUNTS,
                            Need.STAFF_TOKEN_SECRET)));

    public ServiceSpec {
        needs = needs.isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(needs);
    }

    /** Spring command-line properties for this service's first instance, given the services actually started. */
    public List<String> arguments(StackConfig config, List<ServiceSpec> started) {
        return arguments(config, started, config.port(port));
    }

    /** Spring command-line properties for the instance of this service listening on {@code instancePort}. */
    public List<String> arguments(StackConfig config, List<ServiceSpec> started, int instancePort) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + instancePort);
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
        if (needs.contains(Need.MANAGEMENT_PORT)) {
            args.add("--management.server.port=" + config.port(Port.GATEWAY_MANAGEMENT));
        }
        if (needs.contains(Need.DEMO_STAFF_ACCOUNTS)) {
            args.addAll(DEMO_STAFF_ACCOUNTS);
        }
        for (DemoSetting setting : demoSettings()) {
            if (!config.environmentGives(setting.variable())) {
                args.add(setting.argument());
            }
        }
        if (needs.contains(Need.ROUTES_TO_SERVICES)) {
            for (ServiceSpec other : started) {
                if (other != this && other.needs.contains(Need.ROUTED)) {
                    // one property per service, every instance in it: the gateway balances over the list
                    args.add("--conference.routes." + other.name + "=" + String.join(",", other.urls(config)));
                }
            }
        }
        return args;
    }

    /** The demo settings this service takes, given unless the environment gives them. */
    public List<DemoSetting> demoSettings() {
        List<DemoSetting> settings = new ArrayList<>();
        if (needs.contains(Need.STAFF_TOKEN_SECRET)) {
            settings.add(DEMO_STAFF_TOKEN_SECRET);
        }
        if (needs.contains(Need.CHECK_IN_CODES_AND_DEMO_DATA)) {
            settings.add(DEMO_CHECKIN_SECRET);
            settings.add(DEMO_DATA);
        }
        return settings;
    }

    /** The port of the instance's actuator (its readiness probe): the management port where it has one. */
    public int healthPort(StackConfig config, int instancePort) {
        return needs.contains(Need.MANAGEMENT_PORT) ? config.port(Port.GATEWAY_MANAGEMENT) : instancePort;
    }

    /** How many instances of this service run: {@code REPLICAS} for a replicated one, else one. */
    public int instanceCount(StackConfig config) {
        return config.instancePorts(port).size();
    }

    /** The base URL of every instance, first instance first. */
    public List<String> urls(StackConfig config) {
        return config.instancePorts(port).stream().map(p -> "http://localhost:" + p).toList();
    }

    /**
     * The name of instance {@code number} (1-based) in the launcher's output and {@code instances.json}:
     * {@code registration-service#2}; a service that is never replicated keeps its plain module name.
     */
    public String instanceName(int number) {
        return port.replicated() ? module + "#" + number : module;
    }

    /** File name stem for the log and pid file of instance {@code number}: the first keeps the plain module name. */
    public String instanceFileStem(int number) {
        return number == 1 ? module : module + "-" + number;
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
