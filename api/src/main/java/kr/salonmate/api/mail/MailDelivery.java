package kr.salonmate.api.mail;

import java.util.UUID;

/** Hands one mail to the outside world (an SMTP server, or a file on the local default); throws when it could not. */
public interface MailDelivery {

    /** @param id the outbox row's id, the stable Message-ID of every attempt at this mail */
    void deliver(UUID id, MailMessage mail) throws Exception;
}
