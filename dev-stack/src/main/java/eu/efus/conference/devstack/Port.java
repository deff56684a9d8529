package eu.efus.conference.devstack;

/** Every TCP port the stack uses, with the environment variable that overrides it. */
public enum Port {
    GATEWAY("GATEWAY_PORT", 8080, "gateway"),
    REGISTRATION("REGISTRATION_PORT", 8081, "registration-service"),
    ACCREDITATION("ACCREDITATION_PORT", 8082, "accreditation-service"),
    NOTIFICATION("NOTIFICATION_PORT", 8083, "notification-service"),
    KAFKA("KAFKA_PORT", 9092, "Kafka"),
    KAFKA_CONTROLLER("KAFKA_CONTROLLER_PORT", 9093, "Kafka controller"),
    MONGO("MONGO_PORT", 27017, "MongoDB, mongo-java-server"),
    SMTP("SMTP_PORT", 3025, "SMTP, GreenMail"),
    IMAP("IMAP_PORT", 3143, "IMAP, GreenMail"),
    MAIL_WEB("MAIL_WEB_PORT", 8025, "mail web inbox");

    private final String envVar;
    private final int defaultPort;
    private final String label;

    Port(String envVar, int defaultPort, String label) {
        this.envVar = envVar;
        this.defaultPort = defaultPort;
        this.label = label;
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
