package eu.efus.conference.accreditation;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Owns press accreditation requests, the press officer's decisions and their audit trail. */
@SpringBootApplication
public class AccreditationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccreditationServiceApplication.class, args);
    }
}
