# Billfold production image (docs/deployment.md). Build: docker build -t billfold .
# Nothing secret is baked in: database, OIDC, mail and provider credentials come from the environment at run time.

# ---- build: the production jar (-Pproduction: Vaadin's production bundle, no vaadin-dev) ----
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -Pproduction package -DskipTests \
    && cp target/billfold-*.jar /app.jar

# ---- extract: Boot's layered layout (a plain jar plus lib/), one directory per layer ----
FROM eclipse-temurin:25-jdk AS extract
COPY --from=build /app.jar /app.jar
RUN java -Djarmode=tools -jar /app.jar extract --layers --destination /layers

# ---- run: JRE only, non-root ----
FROM eclipse-temurin:25-jre AS run
# curl for the HEALTHCHECK only.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 billfold \
    && useradd --system --uid 10001 --gid billfold --home-dir /app --shell /usr/sbin/nologin billfold
WORKDIR /app
# Layers in the order they change least to most, so a code change rebuilds only the last ones.
COPY --from=extract /layers/dependencies/ ./
COPY --from=extract /layers/spring-boot-loader/ ./
COPY --from=extract /layers/snapshot-dependencies/ ./
COPY --from=extract /layers/application/ ./
# The AOT cache (JDK 25) from a training run on these very paths: the context starts on the embedded H2 default (no
# database at build time) and exits once refreshed; it loads the classes production loads. 2.1 s start instead of 3.9 s.
RUN java -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh -jar /app/app.jar \
        --vaadin.productionMode=true \
    && chmod a+r /app/app.aot
USER 10001:10001
ENV SPRING_PROFILES_ACTIVE=production \
    MANAGEMENT_SERVER_PORT=8081
EXPOSE 8080 8081
# Readiness on the management port: up once the database answers and Flyway is done, down during shutdown.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=/app/app.aot", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
