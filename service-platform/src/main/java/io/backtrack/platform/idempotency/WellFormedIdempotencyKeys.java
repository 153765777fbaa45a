package io.backtrack.platform.idempotency;

import io.backtrack.platform.input.InvalidParameterException;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An {@code Idempotency-Key} a client sent is one key of 1 to 200 visible ASCII characters. An empty
 * one, two of them or one with spaces or other bytes is refused, not ignored: ignoring it would
 * turn the retry it was meant to protect into a second record.
 */
public class WellFormedIdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    @ServerRequestFilter(preMatching = true)
    public void refuseMalformedKeys(ContainerRequestContext request) {
        List<String> keys = request.getHeaders().get(IdempotencyKeys.HEADER);
        if (keys == null) {
            return;
        }
        if (keys.size() > 1) {
            throw new InvalidParameterException(IdempotencyKeys.HEADER, "must be sent once");
        }
        if (!KEY.matcher(keys.get(0)).matches()) {
            throw new InvalidParameterException(IdempotencyKeys.HEADER,
                    "must be 1 to 200 visible ASCII characters, without spaces");
        }
    }
}
