package kr.salonmate.api.naver;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.readmodel.ReadModels;
import kr.salonmate.api.shop.ShopDates;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.messages.shop.ShopView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Naver Place has no review API: owners download their reviews as CSV and upload the file here (docs/naver-import.md). */
@RestController
@Tag(name = "Reviews", description = "The review inbox, AI drafts, approval and publishing")
public class NaverImportController {

    /** 5 MiB: a Naver export of 10,000 reviews is well below it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final ShopAccess access;
    private final ReadModels readModels;
    private final ShopDates shopDates;
    private final NaverImport naverImport;

    public NaverImportController(ShopAccess access, ReadModels readModels, ShopDates shopDates,
                                 NaverImport naverImport) {
        this.access = access;
        this.readModels = readModels;
        this.shopDates = shopDates;
        this.naverImport = naverImport;
    }

    @PostMapping(path = "/v1/shops/{shopId}/reviews/import", consumes = "text/csv",
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import reviews from a Naver Place CSV export (header reviewId,author,rating,comment,"
            + "createdAt; UTF-8 with or without BOM, or CP949/EUC-KR). Bad rows are listed in errors by line while the"
            + " good rows are imported; importing the same file again changes nothing. At most 10,000 rows and 5 MiB"
            + " (413 PAYLOAD_TOO_LARGE)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
    public ImportResult importReviews(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                                      HttpServletRequest request) throws IOException {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        byte[] bytes = body(request);
        if (bytes.length == 0) {
            throw ApiException.validation("file", "is empty");
        }
        CsvText text;
        try {
            text = CsvText.decode(bytes);
        } catch (CsvText.UnreadableEncoding e) {
            throw ApiException.validation("file", "is neither UTF-8 nor CP949/EUC-KR text");
        }
        // a shop signed up a moment ago may not be in the shop view yet; the automatic drafts of the imported
        // reviews look the shop up there, and would skip reviews of a shop they cannot find
        ShopView shopView = readModels.shopAfterCommand(shop, known -> true).orElse(null);
        ZoneId zone = shopDates.zoneOf(shop);
        NaverCsv.Parsed file;
        try {
            file = NaverCsv.read(text.text(), zone);
        } catch (NaverCsv.BadHeader e) {
            throw ApiException.validation("header", e.getMessage());
        } catch (NaverCsv.TooManyRows e) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                    "The file has more than " + NaverCsv.MAX_ROWS + " rows; split it and import each part",
                    Map.of("maxRows", NaverCsv.MAX_ROWS));
        }
        return naverImport.run(shop, shopView == null ? null : shopView.locale(), file);
    }

    /** The whole file (it must be decoded as one before it can be parsed), refused beyond {@link #MAX_BYTES}. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "The file is larger than 5 MiB",
                Map.of("limitBytes", MAX_BYTES));
    }
}
