package uk.gov.accessledger.api.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon 4.13.0's auto-configuration after the Spring Boot 4 auto-configurations it needs,
 * and defines nothing itself. Axon 4.13.0 orders itself after Spring Boot 3's class names (for
 * example {@code org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration}),
 * which Spring Boot 4 moved, so without this Spring Boot 4 evaluates Axon's
 * {@code @ConditionalOnBean(DataSource)} before any DataSource exists: no JDBC connection provider,
 * token store or Spring transaction manager is defined and the API does not start. Upstream fixed
 * the ordering after 4.13.0 (AxonFramework#4450); remove this class on an Axon release with that
 * fix. {@code AxonWiringTest} checks the beans.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        beforeName = {
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration"})
public class AxonAfterBootInfrastructure {
}
