package kr.salonmate.api.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kr.salonmate.api.mail.MailMessage;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The words of the account mails, in the account's language (Korean unless it chose English). Links open the
 * dashboard page at {@code SALONMATE_PUBLIC_BASE_URL}; the token sits in the URL fragment, which browsers never
 * send to a server, so it stays out of access logs and Referer headers.
 */
@Component
public class AccountMails {

    private final Environment environment;

    public AccountMails(Environment environment) {
        this.environment = environment;
    }

    /** {@code salonmate.public-base-url}, read when used (it may name the port the server got at start). */
    private String baseUrl() {
        String url = environment.getProperty("salonmate.public-base-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public MailMessage verification(UserAccount user, String token) {
        String link = link("verify-email", token);
        return english(user)
                ? mail(user, "Confirm your e-mail address for SalonMate",
                        "Hello " + user.name() + ",",
                        "please confirm that this is your e-mail address by opening the link below. "
                                + "The link works once, for 24 hours.",
                        "Confirm my e-mail address", link,
                        "If you did not sign up for SalonMate, you can ignore this mail.")
                : mail(user, "[SalonMate] 이메일 주소를 확인해 주세요",
                        user.name() + "님, 안녕하세요.",
                        "아래 링크를 열어 이메일 주소를 확인해 주세요. 링크는 24시간 동안 한 번만 쓸 수 있습니다.",
                        "이메일 주소 확인하기", link,
                        "SalonMate에 가입하지 않으셨다면 이 메일은 무시하셔도 됩니다.");
    }

    public MailMessage passwordReset(UserAccount user, String token) {
        String link = link("reset-password", token);
        return english(user)
                ? mail(user, "Reset your SalonMate password",
                        "Hello " + user.name() + ",",
                        "someone asked to reset the password of your SalonMate account. Open the link below to "
                                + "choose a new one. The link works once, for 1 hour; after the reset every "
                                + "device is signed out.",
                        "Choose a new password", link,
                        "If it was not you, ignore this mail: your password stays as it is.")
                : mail(user, "[SalonMate] 비밀번호 재설정",
                        user.name() + "님, 안녕하세요.",
                        "SalonMate 계정의 비밀번호 재설정을 요청하셨습니다. 아래 링크를 열어 새 비밀번호를 정해 주세요. "
                                + "링크는 1시간 동안 한 번만 쓸 수 있고, 재설정하면 모든 기기에서 로그아웃됩니다.",
                        "새 비밀번호 정하기", link,
                        "요청하지 않으셨다면 이 메일은 무시하세요. 비밀번호는 바뀌지 않습니다.");
    }

    private static boolean english(UserAccount user) {
        return "en".equals(user.locale());
    }

    private String link(String route, String token) {
        return baseUrl() + "/#/" + route + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static MailMessage mail(UserAccount user, String subject, String greeting, String body, String action,
                                    String link, String footer) {
        return MailMessage.withLink(user.email(), subject, greeting, body, action, link, footer);
    }
}
