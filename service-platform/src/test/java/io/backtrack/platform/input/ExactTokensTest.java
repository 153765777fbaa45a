package io.backtrack.platform.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExactTokensTest {

    enum Status { ACTIVE, ON_HOLD }

    record Body(Status status, UUID id) {
    }

    private static final String ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    private static final ObjectMapper JSON = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void exactTokensAreRead() throws Exception {
        assertThat(JSON.readValue("{\"status\":\"ON_HOLD\",\"id\":\"" + ID + "\"}", Body.class))
                .isEqualTo(new Body(Status.ON_HOLD, UUID.fromString(ID)));
        assertThat(JSON.readValue("{\"status\":null,\"id\":null}", Body.class)).isEqualTo(new Body(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ON_HOLD", "ON_HOLD ", "\\tON_HOLD", "ON_HOLD\\n"})
    void anEnumNameWithSpacesAroundItOrEmptyIsRefused(String status) {
        assertThatThrownBy(() -> JSON.readValue("{\"status\":\"" + status + "\"}", Body.class))
                .isInstanceOfSatisfying(InputRuleException.class, e -> {
                    assertThat(e.rule()).isEqualTo("token");
                    assertThat(e.getPath()).singleElement().satisfies(p -> assertThat(p.getFieldName()).isEqualTo("status"));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " " + ID, ID + " ", "\\t" + ID, ID + "\\n"})
    void aUuidWithSpacesAroundItOrEmptyIsRefused(String id) {
        assertThatThrownBy(() -> JSON.readValue("{\"id\":\"" + id + "\"}", Body.class))
                .isInstanceOfSatisfying(InputRuleException.class, e -> assertThat(e.rule()).isEqualTo("token"));
    }
}
