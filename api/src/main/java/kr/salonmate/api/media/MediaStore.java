package kr.salonmate.api.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code media} table: one row per uploaded photo, written before its object and marked when it is stored. */
@Component
public class MediaStore {

    /** One uploaded photo. {@code width}/{@code height} are upright (EXIF orientation applied). */
    public record Media(UUID id, UUID shopId, String contentType, long size, int width, int height, String storageKey,
                        Long renditionSize, boolean stored, Instant createdAt, Instant attachedAt) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public MediaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public static String keyOf(UUID shopId, UUID mediaId) {
        return "shops/" + shopId + "/media/" + mediaId + ".jpg";
    }

    void insertPending(UUID id, UUID shopId, String contentType, long size, int width, int height, UUID uploadedBy,
                       Instant at) {
        jdbc.update("INSERT INTO media (id, shop_id, content_type, size, width, height, storage_key, stored, "
                        + "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?)",
                id, shopId, contentType, size, width, height, keyOf(shopId, id), uploadedBy, Timestamp.from(at));
    }

    void markStored(UUID id, long renditionSize) {
        jdbc.update("UPDATE media SET stored = true, rendition_size = ? WHERE id = ?", renditionSize, id);
    }

    public Optional<Media> find(UUID id) {
        return jdbc.query("SELECT * FROM media WHERE id = ?", MediaStore::row, id).stream().findFirst();
    }

    /** The stored photos of that shop among {@code ids}. */
    public List<Media> storedInShop(UUID shopId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return named.query("SELECT * FROM media WHERE shop_id = :shopId AND stored AND id IN (:ids)",
                new MapSqlParameterSource().addValue("shopId", shopId).addValue("ids", ids), MediaStore::row);
    }

    /** A post uses these photos: the janitor keeps them. */
    public void attach(Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            named.update("UPDATE media SET attached_at = COALESCE(attached_at, :at) WHERE id IN (:ids)",
                    new MapSqlParameterSource().addValue("at", Timestamp.from(at)).addValue("ids", ids));
        }
    }

    /** Uploads that never completed before {@code unstoredBefore}, and photos no post took before {@code unattachedBefore}. */
    List<Media> abandoned(Instant unstoredBefore, Instant unattachedBefore, int limit) {
        return jdbc.query("SELECT * FROM media WHERE attached_at IS NULL AND ((NOT stored AND created_at < ?) "
                        + "OR created_at < ?) ORDER BY created_at LIMIT ?", MediaStore::row,
                Timestamp.from(unstoredBefore), Timestamp.from(unattachedBefore), limit);
    }

    /** Removes the row unless a post took the photo meanwhile; true when it was removed. */
    boolean deleteIfUnattached(UUID id) {
        return jdbc.update("DELETE FROM media WHERE id = ? AND attached_at IS NULL", id) > 0;
    }

    private static Media row(ResultSet rs, int n) throws SQLException {
        Timestamp attached = rs.getTimestamp("attached_at");
        long rendition = rs.getLong("rendition_size");
        return new Media(rs.getObject("id", UUID.class), rs.getObject("shop_id", UUID.class),
                rs.getString("content_type"), rs.getLong("size"), rs.getInt("width"), rs.getInt("height"),
                rs.getString("storage_key"), rs.wasNull() ? null : rendition, rs.getBoolean("stored"),
                rs.getTimestamp("created_at").toInstant(), attached == null ? null : attached.toInstant());
    }
}
