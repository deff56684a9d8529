package eu.efus.conference.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare reactive application holding the web module, as the gateway holds it. */
@SpringBootApplication
class TestApplication {
}
