package kr.salonmate.api.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (every command, event, query and their results) from {@link RandomUuids} instead of
 * {@link java.util.UUID#randomUUID()}; Axon finds it through {@code META-INF/services}. Same format as Axon's
 * default, so stored events look as before.
 */
public class AxonMessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return RandomUuids.next().toString();
    }
}
