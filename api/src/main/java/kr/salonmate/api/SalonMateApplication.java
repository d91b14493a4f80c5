package kr.salonmate.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "kr.salonmate")
public class SalonMateApplication {
    public static void main(String[] args) {
        SpringApplication.run(SalonMateApplication.class, args);
    }
}
