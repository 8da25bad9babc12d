# Builds one module's Spring Boot jar (MODULE=ledger-api or citizen-portal) and runs it as a
# non-root user on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests install

FROM eclipse-temurin:17-jre
ARG MODULE
# /var/lib/ledger/keys (the log signing key) and /var/lib/ledger/node (this node's last-checkpoint
# file) exist in the image, owned by the user, so that volumes mounted there are writable.
RUN useradd --system --uid 10001 ledger && mkdir -p /var/lib/ledger/keys /var/lib/ledger/node \
    && chown -R ledger /var/lib/ledger
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT.jar /app/app.jar
USER ledger
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
