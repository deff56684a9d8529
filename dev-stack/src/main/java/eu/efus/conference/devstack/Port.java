package eu.efus.conference.devstack;

/** Every TCP port the stack uses, with the environment variable that overrides it. */
public enum Port {
    GATEWAY("GATEWAY_PORT", 8080, "gateway", false),
    /** The gateway's actuator (health, metrics): never on the public port. */
    GATEWAY_MANAGEMENT("GATEWAY_MANAGEMENT_PORT", 8079, "gateway actuator", false),
    REGISTRATION("REGISTRATION_PORT", 8081, "registration-service", true),
    ACCREDITATION("ACCREDITATION_PORT", 8082, "accreditation-service", true),
    NOTIFICATION("NOTIFICATION_PORT", 8083, "notification-service", true),
    KAFKA("KAFKA_PORT", 9092, "Kafka", false),
    KAFKA_CONTROLLER("KAFKA_CONTROLLER_PORT", 9093, "Kafka controller", false),
    MONGO("MONGO_PORT", 27017, "MongoDB, mongo-java-server", false),
    SMTP("SMTP_PORT", 3025, "SMTP, GreenMail", false),
    IMAP("IMAP_PORT", 3143, "IMAP, GreenMail", false),
    MAIL_WEB("MAIL_WEB_PORT", 8025, "mail web inbox", false);

    private final String envVar;
    private final int defaultPort;
    private final String label;
    private final boolean replicated;

    Port(String envVar, int defaultPort, String label, boolean replicated) {
        this.envVar = envVar;
        this.defaultPort = defaultPort;
        this.label = label;
        this.replicated = replicated;
    }

    /** True for a service that runs as {@code REPLICAS} instances behind the gateway; its port is the first one's. */
    public boolean replicated() {
        return replicated;
    }

    public String envVar() {
        return envVar;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String label() {
        return label;
    }
}
