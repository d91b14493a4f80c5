package kr.salonmate.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import kr.salonmate.api.error.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth/password")
@Tag(name = "Auth")
public class PasswordResetController {

    private final PasswordReset reset;

    public PasswordResetController(PasswordReset reset) {
        this.reset = reset;
    }

    public record ForgotRequest(@NotBlank @Email @Size(max = 254) String email) {
        @Override
        public String toString() {
            return "ForgotRequest[email=" + email + "]";
        }
    }

    public record ResetRequest(@NotBlank @Size(max = 200) String token,
                               @NotNull @Size(min = 10, max = 128) String password) {
        @Override
        public String toString() {
            return "ResetRequest[***]";
        }
    }

    @PostMapping("/forgot")
    @Operation(summary = "Ask for a password-reset mail",
            description = "Always 202, known address or not; a known one gets a single-use link valid for 1 hour")
    public ResponseEntity<Void> forgot(@Valid @RequestBody ForgotRequest request) {
        reset.forgot(request.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/reset")
    @Operation(summary = "Set a new password with the token of a reset mail; every login of the account ends",
            description = "A used, expired or unknown token is 410 GONE and changes nothing")
    public EmailVerificationController.UserResponse reset(@Valid @RequestBody ResetRequest request) {
        if (request.password().getBytes(StandardCharsets.UTF_8).length > 72) {
            throw ApiException.validation("password", "must be at most 72 bytes");
        }
        return new EmailVerificationController.UserResponse(
                AuthController.UserBody.of(reset.reset(request.token(), request.password())));
    }
}
