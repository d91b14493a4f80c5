package kr.salonmate.api.naver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Naver exports: encodings, RFC 4180 quoting, both date forms, bad rows by the line they start on. */
class NaverCsvTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @ParameterizedTest
    @ValueSource(strings = {"reviews-utf8.csv", "reviews-utf8-bom.csv", "reviews-cp949.csv"})
    void everyEncodingReadsToTheSameRows(String file) throws IOException {
        CsvText text = CsvText.decode(sample(file));
        NaverCsv.Parsed parsed = NaverCsv.read(text.text(), SEOUL);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).extracting(NaverRow::reviewId).containsExactly("nv-001", "nv-002", "nv-003", "nv-004");
        assertThat(parsed.rows()).extracting(NaverRow::line).containsExactly(2L, 3L, 4L, 6L);
        NaverRow first = parsed.rows().get(0);
        assertThat(first.author()).isEqualTo("김**");
        assertThat(first.comment()).isEqualTo("커트 잘해주셔서 감사해요, 또 올게요!");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-26T15:00:00Z")); // 27 Nov, midnight in Seoul
        assertThat(parsed.rows().get(1).comment()).isEqualTo("직원분이 \"최고\"라고 했어요");
        assertThat(parsed.rows().get(1).createdAt()).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
        assertThat(parsed.rows().get(2).comment()).isEqualTo("첫 줄\n둘째 줄, 그리고 쉼표");
        assertThat(parsed.rows().get(2).createdAt()).isEqualTo(Instant.parse("2026-11-25T01:15:00Z"));
        assertThat(parsed.rows().get(3).author()).isEqualTo(NaverCsv.ANONYMOUS_AUTHOR);
        assertThat(parsed.rows().get(3).comment()).isEmpty();
        assertThat(parsed.rows().get(3).rating()).isEqualTo(5);
    }

    @Test
    void theEncodingIsDetectedAndTheBomDropped() throws IOException {
        assertThat(CsvText.decode(sample("reviews-utf8-bom.csv")).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvText.decode(sample("reviews-utf8-bom.csv")).text()).startsWith("reviewId,");
        assertThat(CsvText.decode(sample("reviews-cp949.csv")).charset()).isEqualTo(CsvText.CP949);
        assertThat(CsvText.decode(sample("reviews-cp949.csv")).text()).contains("둘째 줄");
    }

    @Test
    void bytesThatAreNeitherUtf8NorCp949AreRefused() {
        assertThatThrownBy(() -> CsvText.decode(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0x80}))
                .isInstanceOf(CsvText.UnreadableEncoding.class);
    }

    @Test
    void badRowsAreReportedByTheLineTheyStartOnAndTheGoodRowsStay() throws IOException {
        NaverCsv.Parsed parsed = NaverCsv.read(CsvText.decode(sample("reviews-bad-rows.csv")).text(), SEOUL);

        assertThat(parsed.rows()).extracting(NaverRow::reviewId).containsExactly("nv-101", "nv-106");
        assertThat(parsed.rows().get(1).comment()).isEqualTo("마지막, 좋은 행");
        assertThat(parsed.errors()).extracting(RowError::line).containsExactly(3L, 4L, 5L, 7L, 8L, 11L);
        assertThat(parsed.errors().get(0).message()).contains("rating");
        assertThat(parsed.errors().get(1).message()).contains("reviewId is empty");
        assertThat(parsed.errors().get(2).message()).contains("createdAt").contains("어제");
        assertThat(parsed.errors().get(3).message()).contains("columns");
        assertThat(parsed.errors().get(4).message()).contains("nv-101").contains("line 2");
        assertThat(parsed.errors().get(5).message()).contains("cannot be read");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> NaverCsv.read("nv-1,김**,5,좋아요,2026.11.27.\r\n", SEOUL))
                .isInstanceOf(NaverCsv.BadHeader.class).hasMessageContaining("reviewId,author,rating,comment,createdAt");
    }

    @Test
    void theColumnsAreFoundByNameWhateverTheirOrder() {
        NaverCsv.Parsed parsed = NaverCsv.read("createdAt,Rating,reviewId,comment,author\n2026.11.27.,4,x-1,좋아요,김**\n",
                SEOUL);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows().get(0).rating()).isEqualTo(4);
        assertThat(parsed.rows().get(0).author()).isEqualTo("김**");
    }

    @Test
    void moreThanTenThousandRowsAreRefusedBeforeAnyIsUsed() {
        StringBuilder csv = new StringBuilder("reviewId,author,rating,comment,createdAt\n");
        for (int i = 0; i <= NaverCsv.MAX_ROWS; i++) {
            csv.append("r-").append(i).append(",a,5,ok,2026-11-27\n");
        }
        assertThatThrownBy(() -> NaverCsv.read(csv.toString(), SEOUL)).isInstanceOf(NaverCsv.TooManyRows.class);
        assertThat(NaverCsv.read(csv.substring(0, csv.lastIndexOf("r-")), SEOUL).rows()).hasSize(NaverCsv.MAX_ROWS);
    }

    @Test
    void datesWithoutAZoneAreInTheShopsZone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(NaverDates.parse("2026.11.27.", newYork)).isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(NaverDates.parse("2026.11.27", SEOUL)).isEqualTo(Instant.parse("2026-11-26T15:00:00Z"));
        assertThat(NaverDates.parse("2026. 11. 27. 10:15", SEOUL)).isEqualTo(Instant.parse("2026-11-27T01:15:00Z"));
        assertThat(NaverDates.parse("2026-11-27T10:15:00", SEOUL)).isEqualTo(Instant.parse("2026-11-27T01:15:00Z"));
        assertThat(NaverDates.parse("2026-11-27T10:15:00+09:00", newYork)).isEqualTo(Instant.parse("2026-11-27T01:15:00Z"));
        assertThat(NaverDates.parse("2026-11-27T01:15:00Z", newYork)).isEqualTo(Instant.parse("2026-11-27T01:15:00Z"));
        assertThat(NaverDates.parse("2026.13.40.", SEOUL)).isNull();
        assertThat(NaverDates.parse("", SEOUL)).isNull();
        assertThat(NaverDates.parse("27/11/2026", SEOUL)).isNull();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = NaverCsvTest.class.getResourceAsStream("/naver/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
