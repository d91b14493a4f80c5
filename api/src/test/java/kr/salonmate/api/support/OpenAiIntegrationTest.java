package kr.salonmate.api.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application with an OpenAI key configured, the model played by {@link FakeOpenAi}. */
public abstract class OpenAiIntegrationTest extends IntegrationTest {

    protected static final FakeOpenAi OPENAI = new FakeOpenAi();

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.api-key", () -> "sk-test-not-a-real-key");
        registry.add("spring.ai.openai.base-url", OPENAI::baseUrl);
        registry.add("spring.ai.openai.max-retries", () -> "0");
        // in production the key is in the environment when SalonMateEnvironment decides; test properties
        // arrive later, so say it here
        registry.add("spring.ai.model.chat", () -> "openai");
        registry.add("spring.ai.chat.client.enabled", () -> "true");
    }
}
