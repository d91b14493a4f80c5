package kr.salonmate.api.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs (and kept in docs/openapi.json). */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI salonMateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("SalonMate API").version("v1")
                        .description("Reviews, AI reply drafts, approval and publishing for beauty salons. Errors use "
                                + "the envelope {\"error\":{code,message,details,timestamp,requestId}}; every response "
                                + "carries X-Request-Id; POST accepts Idempotency-Key. Live updates: STOMP over "
                                + "WebSocket at /ws (Authorization: Bearer in CONNECT), topics "
                                + "/topic/shops/{shopId}/reviews and /topic/shops/{shopId}/dashboard."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
