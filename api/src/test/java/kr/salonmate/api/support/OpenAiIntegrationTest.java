package kr.salonmate.api.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application with an OpenAI key configured, the model played by {@link FakeOpenAi}. It is a second
 * application context alive beside the first one, so it gets a database of its own: two contexts on one database
 * would run each other's persistent deadlines (db-scheduler polls the shared {@code scheduled_tasks}). And it is
 * closed after its class, so its processors and deadline threads do not outlive the tests that need them.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class OpenAiIntegrationTest extends IntegrationTest {

    protected static final FakeOpenAi OPENAI = new FakeOpenAi();
    private static final TestDatabase.Database OWN_DATABASE = TestDatabase.create("itai");

    @DynamicPropertySource
    static void openAi(DynamicPropertyRegistry registry) {
        registry.add("salonmate.test.database-url", OWN_DATABASE::url); // see IntegrationTest
        registry.add("spring.ai.openai.api-key", () -> "sk-test-not-a-real-key");
        registry.add("spring.ai.openai.base-url", OPENAI::baseUrl);
        registry.add("spring.ai.openai.max-retries", () -> "0");
        // in production the key is in the environment when SalonMateEnvironment decides; test properties
        // arrive later, so say it here
        registry.add("spring.ai.model.chat", () -> "openai");
        registry.add("spring.ai.chat.client.enabled", () -> "true");
        registry.add("spring.ai.model.embedding", () -> "openai");
        // and the drafting processors' shape for a model that answers in seconds (SalonMateEnvironment)
        registry.add("salonmate.ai.processor-batch-size", () -> "1");
        registry.add("salonmate.ai.processor-threads", () -> "16");
        registry.add("salonmate.ai.caption-processor-threads", () -> "4");
    }
}
