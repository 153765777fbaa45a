package io.backtrack.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON string, and only a JSON string, as text. Control characters other than tab and line
 * breaks are refused: they have no place in a clinical record, and PostgreSQL cannot store NUL. So is
 * half a character, and so are the bidirectional overrides and isolates, which make a name or a reason
 * display as other text than it holds.
 */
public class SafeText extends StdScalarDeserializer<String> {

    public SafeText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        String text = parser.getText();
        if (!isSafe(text)) {
            throw new InputRuleException(parser, "text", "must not contain control characters, bidirectional "
                    + "overrides or half a character (an unpaired surrogate escape)");
        }
        return text;
    }

    /**
     * Whether {@code text} is free of control characters other than tab, line feed and carriage return,
     * of bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), and of unpaired
     * surrogates, which a JSON escape can express but UTF-8 cannot store (the database would keep a
     * question mark).
     */
    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || isBidiControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
