package kr.salonmate.query.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import kr.salonmate.messages.shop.GoogleLocationConnected;
import kr.salonmate.messages.shop.InstagramAccountConnected;
import kr.salonmate.messages.shop.ReplySettings;
import kr.salonmate.messages.shop.ReplyTone;
import kr.salonmate.messages.shop.ShopId;
import kr.salonmate.query.ReadModelRow;
import kr.salonmate.messages.shop.ShopRegistered;
import kr.salonmate.messages.shop.ShopView;

/** A shop as the read side knows it; {@code version} is the sequence number of the last event applied. */
@Entity
@Table(name = "shop_view")
public class ShopRow extends ReadModelRow {

    static final String DEFAULT_PLAN = "FREE";

    @Id
    @Column(name = "id")
    private UUID id;
    @Column(name = "name")
    private String name;
    @Column(name = "timezone")
    private String timezone;
    @Column(name = "locale")
    private String locale;
    @Column(name = "owner_user_id")
    private UUID ownerUserId;
    @Enumerated(EnumType.STRING)
    @Column(name = "tone", nullable = false)
    private ReplyTone tone;
    @Column(name = "language")
    private String language;
    @Column(name = "signature")
    private String signature;
    @Column(name = "auto_draft", nullable = false)
    private boolean autoDraft;
    @Column(name = "auto_publish_min_rating")
    private Integer autoPublishMinRating;
    @Column(name = "allow_offers", nullable = false)
    private boolean allowOffers;
    @Column(name = "google_account_id")
    private String googleAccountId;
    @Column(name = "google_location_id")
    private String googleLocationId;
    @Column(name = "google_credential_ref")
    private String googleCredentialRef;
    @Column(name = "google_connected_at")
    private Instant googleConnectedAt;
    @Column(name = "instagram_user_id")
    private String instagramUserId;
    @Column(name = "instagram_credential_ref")
    private String instagramCredentialRef;
    @Column(name = "instagram_connected_at")
    private Instant instagramConnectedAt;
    @Column(name = "plan", nullable = false)
    private String plan;
    @Column(name = "last_sync_at")
    private Instant lastSyncAt;

    protected ShopRow() {
    }

    static ShopRow registered(ShopRegistered e, long sequence) {
        ShopRow row = new ShopRow();
        row.markNew(sequence);
        row.id = e.shopId().value();
        row.name = e.name();
        row.timezone = e.timezone();
        row.locale = e.locale();
        row.ownerUserId = e.owner() == null ? null : e.owner().userId();
        row.settings(e.replySettings());
        row.plan = DEFAULT_PLAN;
        return row;
    }

    void settings(ReplySettings settings) {
        ReplySettings s = settings != null ? settings : ReplySettings.defaults();
        tone = s.tone() != null ? s.tone() : ReplySettings.defaults().tone();
        language = s.language();
        signature = s.signature();
        autoDraft = s.autoDraft();
        autoPublishMinRating = s.autoPublishMinRating();
        allowOffers = s.allowOffers();
    }

    void googleConnected(GoogleLocationConnected e) {
        googleAccountId = e.accountId();
        googleLocationId = e.locationId();
        googleCredentialRef = e.credentialRef();
        googleConnectedAt = e.at();
    }

    void instagramConnected(InstagramAccountConnected e) {
        instagramUserId = e.igUserId();
        instagramCredentialRef = e.credentialRef();
        instagramConnectedAt = e.at();
    }

    void synced(Instant at) {
        lastSyncAt = at;
    }

    /** The plan comes from the billing aggregate, whose events have a sequence of their own: set, not versioned. */
    void plan(String plan) {
        this.plan = plan;
    }

    public ShopView toView() {
        ShopView.GoogleConnection google = googleLocationId == null ? null
                : new ShopView.GoogleConnection(googleAccountId, googleLocationId, googleCredentialRef,
                        googleConnectedAt);
        ShopView.InstagramConnection instagram = instagramUserId == null ? null
                : new ShopView.InstagramConnection(instagramUserId, instagramCredentialRef, instagramConnectedAt);
        return new ShopView(new ShopId(id), name, timezone, locale, ownerUserId,
                new ReplySettings(tone, language, signature, autoDraft, autoPublishMinRating, allowOffers),
                google, plan, lastSyncAt, instagram);
    }

    @Override
    public UUID getId() {
        return id;
    }
}
