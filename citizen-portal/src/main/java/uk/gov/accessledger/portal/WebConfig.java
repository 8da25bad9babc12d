package uk.gov.accessledger.portal;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Serves GOV.UK Frontend's fonts and images from its webjar where its CSS expects them. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebFluxConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
        registry.addResourceHandler("/govuk/*.css").addResourceLocations(GOVUK_FRONTEND)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
    }
}
