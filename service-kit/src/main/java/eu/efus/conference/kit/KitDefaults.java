package eu.efus.conference.kit;

import java.io.IOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults every service shares (Kafka producer durability, JSON strictness, health groups, tracing; never a
 * secret) with the lowest precedence, so a service's application.yml or the environment can override any of them.
 */
public class KitDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(
                    new ResourcePropertySource("conferenceKitDefaults", new ClassPathResource("conference-kit-defaults.properties")));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the service kit defaults", e);
        }
    }
}
