package eu.efus.conference.notification.web;

import eu.efus.conference.kit.security.StaffEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which endpoints are staff-only; the kit's security verifies the gateway's token and the role. */
@Configuration(proxyBeanMethods = false)
public class AdminSecurity {

    @Bean
    StaffEndpoints staffEndpoints() {
        return new StaffEndpoints().require("ORGANIZER", "/api/admin/**");
    }
}
