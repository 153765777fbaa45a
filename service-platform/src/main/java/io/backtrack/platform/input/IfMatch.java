package io.backtrack.platform.input;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header as RFC 9110 (§13.1.1) reads it: {@code *}, or a list of entity tags
 * (empty list elements ignored, §5.6.1) compared strongly, so a weak tag ({@code W/"3"}) matches nothing.
 * Anything else is a 400 naming the header, never read as some version.
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";
    private static final Pattern ELEMENT = Pattern.compile("\\s*(?:(W/)?\"([\\x21\\x23-\\x7e]*)\")?\\s*(,|$)");

    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean any, List<String> strongTags) {
        this.any = any;
        this.strongTags = List.copyOf(strongTags);
    }

    /** The condition the header states; null when it was not sent, or sent empty. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.trim().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> strong = new ArrayList<>();
        int tags = 0;
        Matcher element = ELEMENT.matcher(header);
        int at = 0;
        while (at < header.length() && element.find(at) && element.start() == at && element.end() > at) {
            if (element.group(2) != null) {
                tags++;
                if (element.group(1) == null) {
                    strong.add(element.group(2));
                }
            }
            at = element.end();
        }
        if (at != header.length() || tags == 0) {
            throw new InvalidParameterException(HEADER, "must be * or a list of quoted entity tags, such as \"3\"");
        }
        return new IfMatch(false, strong);
    }

    /** Whether the header was {@code *}, which any current representation meets. */
    public boolean isAny() {
        return any;
    }

    /** Whether the representation whose entity tag is {@code tag} (without quotes) meets the condition. */
    public boolean matches(String tag) {
        return any || strongTags.contains(tag);
    }
}
