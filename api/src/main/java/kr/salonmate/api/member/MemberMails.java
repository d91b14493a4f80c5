package kr.salonmate.api.member;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kr.salonmate.api.account.Role;
import kr.salonmate.api.mail.MailMessage;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The words of the member mails, in the recipient's language: the account's when the address has one, else the
 * shop's. As with the account mails, the token sits in the URL fragment of a link to
 * {@code SALONMATE_PUBLIC_BASE_URL}, which browsers never send to a server.
 */
@Component
public class MemberMails {

    private final Environment environment;

    public MemberMails(Environment environment) {
        this.environment = environment;
    }

    MailMessage invitation(String email, String locale, String shopName, String inviterName, Role role,
                           String token) {
        String link = baseUrl() + "/#/accept-invitation?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return "en".equals(locale)
                ? mail(email, "You are invited to " + shopName + " on SalonMate",
                        "Hello,",
                        inviterName + " invites you to join " + shopName + " on SalonMate as " + role
                                + ". Open the link below and sign in (or sign up) with this e-mail address. "
                                + "The invitation works once, for 7 days.",
                        "Join " + shopName, link,
                        "If you do not know this salon, you can ignore this mail.")
                : mail(email, "[SalonMate] " + shopName + "에 초대되었습니다",
                        "안녕하세요.",
                        inviterName + "님이 SalonMate의 " + shopName + "에 " + role + " 역할로 초대했습니다. "
                                + "아래 링크를 열고 이 이메일 주소로 로그인(또는 가입)해 주세요. 초대는 7일 동안 한 번만 쓸 수 있습니다.",
                        shopName + " 참여하기", link,
                        "모르는 매장이라면 이 메일은 무시하셔도 됩니다.");
    }

    MailMessage added(String email, String locale, String name, String shopName, Role role) {
        String link = baseUrl() + "/";
        return "en".equals(locale)
                ? mail(email, "You were added to " + shopName + " on SalonMate",
                        "Hello " + name + ",",
                        "you are now a member of " + shopName + " on SalonMate, as " + role + ".",
                        "Open SalonMate", link,
                        "If you do not know this salon, you can leave it in Settings.")
                : mail(email, "[SalonMate] " + shopName + "의 멤버가 되었습니다",
                        name + "님, 안녕하세요.",
                        "이제 SalonMate의 " + shopName + " 멤버입니다 (" + role + ").",
                        "SalonMate 열기", link,
                        "모르는 매장이라면 설정에서 나가실 수 있습니다.");
    }

    /** {@code salonmate.public-base-url}, read when used (it may name the port the server got at start). */
    private String baseUrl() {
        String url = environment.getProperty("salonmate.public-base-url", "http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static MailMessage mail(String to, String subject, String greeting, String body, String action,
                                    String link, String footer) {
        return MailMessage.withLink(to, subject, greeting, body, action, link, footer);
    }
}
