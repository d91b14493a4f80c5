package kr.salonmate.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import kr.salonmate.api.error.ApiException;
import kr.salonmate.api.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For platform operators only (ADMIN: e-mails in {@code SALONMATE_ADMIN_EMAILS}): projections and dead letters. */
@RestController
@Validated
@RequestMapping("/v1/admin")
@Tag(name = "Admin", description = "Projection status and replay, dead letters (platform operators)")
public class AdminController {

    private final ProjectionAdmin projections;
    private final ReplayCoordinator replays;
    private final DeadLetters deadLetters;

    public AdminController(ProjectionAdmin projections, ReplayCoordinator replays, DeadLetters deadLetters) {
        this.projections = projections;
        this.replays = replays;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/projections")
    @Operation(summary = "Every streaming processor: position, head of the event stream, lag, replay progress and "
            + "its last replay request")
    public List<ProjectionAdmin.ProjectionStatus> projections(@AuthenticationPrincipal Jwt jwt) {
        requireAdmin(jwt);
        return projections.all().stream().map(replays::withReplay).toList();
    }

    @GetMapping("/projections/{name}")
    @Operation(summary = "One processor; during a replay `progress` goes from 0 to 1 and `replay.state` from "
            + "STOPPING through RESETTING and RUNNING to DONE (or FAILED)")
    public ProjectionAdmin.ProjectionStatus projection(@AuthenticationPrincipal Jwt jwt, @PathVariable String name) {
        requireAdmin(jwt);
        return replays.withReplay(projections.one(name));
    }

    @PostMapping("/projections/{name}/replay")
    @Operation(summary = "Clear the projection and rebuild it from the first event while the others keep serving",
            description = "Answers at once with the request in `replay` (state STOPPING); in the background the "
                    + "processor is stopped on every node, its tokens are reset and it is started again everywhere. "
                    + "409 when the processor cannot be replayed (sagas and policies) or a replay of it is already "
                    + "under way.")
    public ResponseEntity<ProjectionAdmin.ProjectionStatus> replay(@AuthenticationPrincipal Jwt jwt,
                                                                   @PathVariable String name) {
        requireAdmin(jwt);
        replays.request(name, CurrentUser.of(jwt).email());
        return ResponseEntity.accepted().body(replays.withReplay(projections.one(name)));
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Events a projection could not handle, with the error; all groups unless `group` is given")
    public DeadLetters.Listing deadLetters(@AuthenticationPrincipal Jwt jwt,
                                           @RequestParam(required = false) String group,
                                           @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireAdmin(jwt);
        return deadLetters.list(group == null || group.isBlank() ? null : group.strip(), page, size);
    }

    @PostMapping("/dead-letters/{group}/retry")
    @Operation(summary = "Handle the group's dead letters again, in the background; those that fail again stay")
    public ResponseEntity<DeadLetters.RetryStarted> retry(@AuthenticationPrincipal Jwt jwt,
                                                          @PathVariable String group) {
        requireAdmin(jwt);
        return ResponseEntity.accepted().body(deadLetters.retry(group));
    }

    private static void requireAdmin(Jwt jwt) {
        if (!CurrentUser.of(jwt).admin()) {
            throw ApiException.forbidden("This is for platform operators only");
        }
    }
}
