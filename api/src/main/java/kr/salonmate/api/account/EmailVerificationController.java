package kr.salonmate.api.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/auth/verify-email")
@Tag(name = "Auth")
public class EmailVerificationController {

    private final EmailVerification verification;
    private final SignedInCaller caller;

    public EmailVerificationController(EmailVerification verification, SignedInCaller caller) {
        this.verification = verification;
        this.caller = caller;
    }

    public record VerifyRequest(@NotBlank @Size(max = 200) String token) {
        @Override
        public String toString() {
            return "VerifyRequest[***]";
        }
    }

    public record UserResponse(AuthController.UserBody user) {
    }

    @PostMapping
    @Operation(summary = "Follow the link of a verification mail: the e-mail becomes verified",
            description = "The token is single use and valid 24 hours; a used, expired or unknown one is 410 GONE")
    public UserResponse verify(@Valid @RequestBody VerifyRequest request) {
        return new UserResponse(AuthController.UserBody.of(verification.verify(request.token())));
    }

    @PostMapping("/resend")
    @Operation(summary = "Mail the signed-in user a new verification link (nothing when already verified)")
    public ResponseEntity<Void> resend(HttpServletRequest request) {
        verification.resend(caller.id(request));
        return ResponseEntity.accepted().build();
    }
}
