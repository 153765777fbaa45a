package io.backtrack.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a JSON string, and only a JSON string, as text. Control characters other than tab and line
 * breaks are refused: they have no place in a clinical record, and PostgreSQL cannot store NUL.
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
            throw new InputRuleException(parser, "text", "must not contain control characters");
        }
        return text;
    }

    /** Whether {@code text} is free of control characters other than tab, line feed and carriage return. */
    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
