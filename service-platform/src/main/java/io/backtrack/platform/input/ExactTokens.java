package io.backtrack.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import java.io.IOException;
import java.util.UUID;

/**
 * Enum names and UUIDs are tokens: read exactly as sent. Jackson would trim the spaces, tabs or line
 * breaks around them and read an empty one as null; here either is refused, naming the field.
 */
final class ExactTokens extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
            BeanDescription description, JsonDeserializer<?> deserializer) {
        return new Exact(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        return description.getBeanClass() == UUID.class ? new Exact(deserializer) : deserializer;
    }

    private static final class Exact extends DelegatingDeserializer {

        Exact(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Exact(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                String text = parser.getText();
                if (text.isEmpty() || !text.strip().equals(text)) {
                    throw new InputRuleException(parser, "token", "must not be empty or have spaces around it");
                }
            }
            return super.deserialize(parser, context);
        }
    }
}
