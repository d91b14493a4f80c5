package kr.salonmate.api.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The build's class-data-sharing training run (api/pom.xml, ADR 25 and 35) with {@value #PROPERTY}{@code =true}:
 * once the application is ready it asks its own {@code /actuator/health} once, as the start-up's first caller does,
 * then closes the context and exits. The archive then holds every class a start loads until it answers that
 * request (the web server's start, the processors' start, the first request), not only those of the refresh; and the
 * context is closed properly, so the training's embedded PostgreSQL is stopped instead of left running.
 * Never set in a deployment.
 */
@Component
@ConditionalOnBooleanProperty(CdsTrainingRun.PROPERTY)
class CdsTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    static final String PROPERTY = "salonmate.cds.training-run";

    private static final Logger log = LoggerFactory.getLogger(CdsTrainingRun.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        String port = context.getEnvironment().getProperty("local.server.port");
        if (port != null) {
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                log.info("Class-data-sharing training: /actuator/health answered {}", answer.statusCode());
            } catch (Exception e) {
                log.warn("Class-data-sharing training: /actuator/health did not answer ({})", e.toString());
            }
        }
        System.exit(SpringApplication.exit(context));
    }
}
