package kr.salonmate.api.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RandomUuidsTest {

    @Test
    void everyIdIsARandomVersion4UuidAndNoneRepeatsAcrossManyDraws() {
        int count = RandomUuids.BUFFERED * 50 + 7; // many refills, and one partly used
        Set<UUID> seen = new HashSet<>();
        int[] setBits = new int[128];
        for (int i = 0; i < count; i++) {
            UUID id = RandomUuids.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).as("id %d is new", i).isTrue();
            for (int bit = 0; bit < 64; bit++) {
                setBits[bit] += (int) ((id.getMostSignificantBits() >>> bit) & 1);
                setBits[64 + bit] += (int) ((id.getLeastSignificantBits() >>> bit) & 1);
            }
        }
        // each of the 122 random bits is set about half the time (the fixed version and variant bits excepted)
        Set<Integer> fixed = Set.of(12, 13, 14, 15, 64 + 62, 64 + 63);
        for (int bit = 0; bit < 128; bit++) {
            if (!fixed.contains(bit)) {
                assertThat(setBits[bit]).as("bit %d", bit).isBetween(count * 2 / 5, count * 3 / 5);
            }
        }
    }

    @Test
    void threadsDrawIdsOfTheirOwn() throws Exception {
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                for (int i = 0; i < 1_000; i++) {
                    seen.add(RandomUuids.next());
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).hasSize(4_000);
    }
}
