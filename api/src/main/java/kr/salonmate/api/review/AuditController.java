package kr.salonmate.api.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.security.CurrentUser;
import kr.salonmate.api.security.ShopAccess;
import kr.salonmate.api.shop.ShopDates;
import kr.salonmate.messages.common.PageResult;
import kr.salonmate.messages.review.AuditAction;
import kr.salonmate.messages.review.AuditChunk;
import kr.salonmate.messages.review.AuditCursor;
import kr.salonmate.messages.review.AuditEntry;
import kr.salonmate.messages.review.FindAuditEntries;
import kr.salonmate.messages.review.ScrollAuditEntries;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's audit trail for managers: every action on every reply, who did it and when, filtered by date,
 * person and action; as a JSON page or as a CSV export that is streamed chunk by chunk, never held whole.
 */
@RestController
@Validated
@Tag(name = "Reviews")
public class AuditController {

    private final ShopAccess access;
    private final QueryGateway queries;
    private final ShopDates dates;
    private final int exportChunk;

    public AuditController(ShopAccess access, QueryGateway queries, ShopDates dates,
                           @Value("${salonmate.audit.export-chunk:1000}") int exportChunk) {
        this.access = access;
        this.queries = queries;
        this.dates = dates;
        this.exportChunk = Math.max(1, exportChunk);
    }

    @GetMapping("/v1/shops/{shopId}/audit")
    @Operation(summary = "The shop's audit trail: every action on a reply, newest first",
            description = "`from`/`to` are dates, inclusive, in the shop's time zone (default: the last 30 days). "
                    + "With `Accept: text/csv` or `format=csv` the answer is every matching entry as CSV (RFC 4180, "
                    + "UTF-8 with BOM, oldest first, no paging); a cell starting with = + - @ gets a leading "
                    + "apostrophe so that spreadsheets do not run it as a formula.")
    @ApiResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    public AuditPage audit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID shopId,
                           @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to,
                           @RequestParam(required = false) UUID actorId,
                           @Parameter(schema = @Schema(implementation = AuditAction.class))
                           @RequestParam(required = false) String action,
                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                           @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
                           @RequestParam(required = false) String format,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                           HttpServletResponse response) throws IOException {
        ShopId shop = access.require(CurrentUser.of(jwt), shopId, Role.MANAGER);
        ShopDates.Range range = dates.range(shop, from, to);
        AuditAction wanted = ShopDates.option("action", action, AuditAction.class);
        if (wantsCsv(format, accept)) {
            export(shop, range, actorId, wanted, response);
            return null;
        }
        @SuppressWarnings("unchecked")
        PageResult<AuditEntry> result = queries.query(new FindAuditEntries(shop, range.start(), range.end(), actorId,
                wanted, page, size), ResponseTypes.instanceOf(PageResult.class)).join();
        return new AuditPage(result.items(), result.page(), result.size(), result.total());
    }

    /** The list envelope with its item type spelled out (for the API description). */
    public record AuditPage(java.util.List<AuditEntry> items, int page, int size, long total) {
    }

    private void export(ShopId shop, ShopDates.Range range, UUID actorId, AuditAction action,
                        HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-" + shop + "-"
                + range.from() + "-" + range.to() + ".csv\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        AuditCsv.header(out);
        AuditCursor after = null;
        do {
            AuditChunk chunk = queries.query(new ScrollAuditEntries(shop, range.start(), range.end(), actorId, action,
                    after, exportChunk), ResponseTypes.instanceOf(AuditChunk.class)).join();
            for (AuditEntry entry : chunk.items()) {
                AuditCsv.row(out, entry);
            }
            out.flush();
            after = chunk.next();
        } while (after != null);
        out.flush();
    }

    static boolean wantsCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            if ("csv".equalsIgnoreCase(format.strip())) {
                return true;
            }
            if ("json".equalsIgnoreCase(format.strip())) {
                return false;
            }
            throw kr.salonmate.api.error.ApiException.validation("format", "must be json or csv");
        }
        if (accept == null) {
            return false;
        }
        java.util.List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            return false;
        }
        for (MediaType type : types) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
