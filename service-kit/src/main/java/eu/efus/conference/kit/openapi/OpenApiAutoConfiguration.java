package eu.efus.conference.kit.openapi;

import eu.efus.conference.kit.ServiceKitAutoConfiguration;
import eu.efus.conference.kit.ServiceKitProperties;
import eu.efus.conference.kit.security.StaffEndpoints;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The shared parts of every service's OpenAPI document, in services that serve one with springdoc. */
@AutoConfiguration(after = ServiceKitAutoConfiguration.class)
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ServiceKitProperties.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ConferenceOpenApi conferenceOpenApi(Environment environment, ObjectProvider<StaffEndpoints> staffEndpoints,
            ServiceKitProperties properties) {
        return new ConferenceOpenApi(environment.getProperty("spring.application.name", "conference-service"),
                // From the jar's manifest when the service runs from its jar.
                environment.getProperty("spring.application.version", "development"),
                () -> staffEndpoints.getIfAvailable(StaffEndpoints::new), properties.maxBodyBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    ApiProblemCustomizer apiProblemCustomizer() {
        return new ApiProblemCustomizer();
    }
}
