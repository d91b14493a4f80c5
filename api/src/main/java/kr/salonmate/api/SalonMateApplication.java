package kr.salonmate.api;

import kr.salonmate.command.CommandSideModule;
import kr.salonmate.query.QuerySideModule;
import kr.salonmate.saga.SagaModule;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * One process composed of the three libraries. Each can be switched off per node
 * ({@code salonmate.modules.command|query|saga.enabled=false}) so a deployment can split them without copying
 * code; they meet only through messages.
 */
@SpringBootApplication
@Import({CommandSideModule.class, QuerySideModule.class, SagaModule.class})
public class SalonMateApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalonMateApplication.class, args);
    }
}
