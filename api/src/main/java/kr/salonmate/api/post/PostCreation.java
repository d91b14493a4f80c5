package kr.salonmate.api.post;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import kr.salonmate.api.media.MediaStore;
import kr.salonmate.messages.common.Actor;
import kr.salonmate.messages.post.CreatePost;
import kr.salonmate.messages.post.PostId;
import kr.salonmate.messages.shop.ShopId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A new post and its photos marked as used, in one transaction (the command's unit of work joins it): the photo
 * janitor never removes a photo a post was created with, and a refused post leaves its photos unclaimed.
 */
@Service
public class PostCreation {

    private final CommandGateway commands;
    private final MediaStore media;
    private final Clock clock;

    public PostCreation(CommandGateway commands, MediaStore media, Clock clock) {
        this.commands = commands;
        this.media = media;
        this.clock = clock;
    }

    @Transactional
    public PostId create(ShopId shopId, List<UUID> mediaIds, String brief, Actor createdBy) {
        PostId postId = PostId.random();
        media.attach(mediaIds, clock.instant());
        commands.sendAndWait(new CreatePost(postId, shopId, mediaIds, brief, createdBy));
        return postId;
    }
}
