package eu.efus.conference.web;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancerClientRequestTransformer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * The web pages inside the gateway: their routes, the visitor's language ({@code localeContextResolver} and the
 * {@code ?lang=} switch), the FR/EN texts as the message source of the templates, and the client of
 * registration-service's catalogue for the pages written from it.
 */
@AutoConfiguration(before = {WebFluxAutoConfiguration.class, MessageSourceAutoConfiguration.class,
        ThymeleafAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebAutoConfiguration {

    /** The page texts for {@code #{…}}; no fallback to the machine's locale (English is the base file). */
    @Bean
    @ConditionalOnMissingBean(name = "messageSource")
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename(PageTexts.BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean(name = WebHttpHandlerBuilder.LOCALE_CONTEXT_RESOLVER_BEAN_NAME)
    LocaleContextResolver localeContextResolver(
            @Value("${conference.staff.sign-in.secure-cookies:${CONFERENCE_SECURE_COOKIES:false}}") boolean secureCookies) {
        return new Languages(secureCookies);
    }

    @Bean
    LanguageSwitchFilter languageSwitchFilter(LocaleContextResolver localeContextResolver) {
        return new LanguageSwitchFilter((Languages) localeContextResolver);
    }

    @Bean
    PageTexts pageTexts() {
        return new PageTexts();
    }

    @Bean
    ReferenceLists referenceLists(PageTexts pageTexts) {
        return new ReferenceLists(pageTexts);
    }

    /** The staff menu comes from the host's {@link StaffMenu} (the gateway's roles); without one, no menu. */
    @Bean
    PageRenderer pageRenderer(PageTexts pageTexts, ReferenceLists referenceLists, ObjectProvider<StaffMenu> staffMenu) {
        return new PageRenderer(pageTexts, referenceLists, staffMenu.getIfAvailable(() -> StaffMenu.NONE));
    }

    /**
     * registration-service's public catalogue, through the load balancer of the routes (the instances the gateway
     * knows, and its fitness checks). No retry: a page waits a moment for the programme, then says it is unavailable.
     */
    @Bean
    EventCatalog eventCatalog(ObjectProvider<ReactiveLoadBalancer.Factory<ServiceInstance>> balancers,
            ObjectProvider<LoadBalancerClientRequestTransformer> transformers,
            @Value("${conference.web.catalog-url:lb://registration-service}") String url,
            @Value("${conference.web.catalog-timeout:2s}") Duration timeout) {
        ReactiveLoadBalancer.Factory<ServiceInstance> factory = balancers.getIfAvailable();
        ReactorLoadBalancerExchangeFilterFunction balancer = url.startsWith("lb://") && factory != null
                ? new ReactorLoadBalancerExchangeFilterFunction(factory, transformers.orderedStream().toList()) : null;
        return new EventCatalog(url, balancer, timeout);
    }

    @Bean
    WebPages webPages(PageRenderer pageRenderer, EventCatalog eventCatalog) {
        return new WebPages(pageRenderer, eventCatalog);
    }

    @Bean
    RouterFunction<ServerResponse> publicWebPageRoutes(WebPages webPages) {
        return webPages.routes();
    }

    @Bean
    StaffWebPages staffWebPages(PageRenderer pageRenderer, ObjectProvider<ViewResolver> viewResolvers) {
        return new StaffWebPages(pageRenderer, new LazyList(viewResolvers));
    }

    @Bean
    RouterFunction<ServerResponse> staffWebPageRoutes(StaffWebPages staffWebPages) {
        return staffWebPages.routes();
    }

    /** The view resolvers, looked up when the first refusal page is written (they are created after this bean). */
    private static final class LazyList extends java.util.AbstractList<ViewResolver> {
        private final ObjectProvider<ViewResolver> provider;
        private volatile List<ViewResolver> resolved;

        LazyList(ObjectProvider<ViewResolver> provider) {
            this.provider = provider;
        }

        private List<ViewResolver> resolved() {
            if (resolved == null) {
                resolved = provider.orderedStream().toList();
            }
            return resolved;
        }

        @Override
        public ViewResolver get(int index) {
            return resolved().get(index);
        }

        @Override
        public int size() {
            return resolved().size();
        }
    }
}
