package io.backtrack.plan.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.backtrack.testing.StartBarrier;
import io.backtrack.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseCatalogTest {

    private final Pool pool;

    ExerciseCatalogTest(Pool pool) {
        this.pool = pool;
    }

    @Test
    void theSeededCatalogCoversEveryCategoryAndModality() {
        given().auth().oauth2(TestTokens.patient("anyone")).when().get("/api/v1/exercises")
                .then().statusCode(200)
                .body("size()", greaterThanOrEqualTo(40))
                .body("category", hasItems("SPINE_CONTROL", "CORE_STABILIZATION", "STRETCHING", "ACTIVE_ROM",
                        "MCKENZIE_EXTENSION", "FLEXION_BIASED", "STRENGTHENING", "AEROBIC", "GAIT_TRAINING",
                        "FUNCTIONAL_RETRAINING", "EDUCATION", "HEAT", "COLD", "MASSAGE", "ULTRASOUND", "TENS",
                        "PASSIVE_ROM", "TRACTION", "INTERFERENTIAL", "MANIPULATION", "DRY_NEEDLING"));
    }

    @Test
    void filtersByCategoryPassiveAndSuitability() {
        given().auth().oauth2(TestTokens.clinician("c")).queryParam("passive", true).when().get("/api/v1/exercises")
                .then().statusCode(200).body("passive", everyItem(equalTo(true)))
                .body("code", hasItems("PM-01", "PM-06"));
        given().auth().oauth2(TestTokens.clinician("c")).queryParam("category", "MANIPULATION")
                .when().get("/api/v1/exercises").then().body("code", hasItem("PM-09"));
        given().auth().oauth2(TestTokens.clinician("c")).queryParam("suitableFor", "M43.16")
                .when().get("/api/v1/exercises").then().body("code", not(hasItem("PM-09")));
    }

    /** The catalog shows and filters by what plan validation applies: the matrix read from the loading, too. */
    @Test
    void theCatalogShowsTheMatrixAPlanIsHeldTo() {
        given().auth().oauth2(TestTokens.clinician("c")).when().get("/api/v1/exercises/ROM-01").then().statusCode(200)
                .body("contraindicatedFor", hasItems("M80", "M81"))
                .body("cautionedFor", hasItems("M48.062", "M43.1", "M51.1", "M51.2"));
        given().auth().oauth2(TestTokens.clinician("c")).queryParam("suitableFor", "M81.0")
                .when().get("/api/v1/exercises").then().statusCode(200)
                .body("code", not(hasItem("ROM-01"))).body("code", hasItem("AE-02"));
    }

    @Test
    void adminsAddAndRetireExercisesOthersMayNot() {
        String exercise = """
                {"code":"FR-09","name":"Sock donning practice","category":"FUNCTIONAL_RETRAINING",
                 "instructions":"Sit and put on socks using a hip hinge.","defaultDosage":{"sets":2,"reps":5},
                 "loads":{"flexion":true,"extension":false,"rotation":false},
                 "contraindicatedFor":["M80","M81"],"cautionedFor":[]}""";
        given().auth().oauth2(TestTokens.clinician("c")).contentType(ContentType.JSON).body(exercise)
                .when().post("/api/v1/exercises").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(exercise)
                .when().post("/api/v1/exercises").then().statusCode(201).body("loads.flexion", equalTo(true));
        given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/exercises/FR-09/retire")
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.clinician("c")).when().get("/api/v1/exercises")
                .then().body("code", not(hasItem("FR-09")));
        given().when().get("/api/v1/exercises").then().statusCode(401);
        assertThat(pool.preparedQuery("SELECT action, actor FROM audit_entry WHERE resource_type = 'exercise' "
                        + "AND resource_id = 'FR-09' ORDER BY id").execute().await().indefinitely())
                .extracting(row -> row.getString(0) + " by " + row.getString(1))
                .containsExactly("CREATE by admin", "UPDATE by admin");
    }

    /** Two admins retiring one exercise at the same moment: it is retired once, at one moment, audited once. */
    @Test
    void anExerciseRetiredEightTimesAtOnceIsRetiredOnce() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("""
                {"code":"RT-901","name":"Retirement race","category":"AEROBIC","instructions":"Walk.",
                 "defaultDosage":{"sets":1,"reps":1},"loads":{"flexion":false,"extension":false,"rotation":false},
                 "contraindicatedFor":[],"cautionedFor":[]}""")
                .when().post("/api/v1/exercises").then().statusCode(201);

        List<String> retiredAt = StartBarrier.together(8, i -> () -> given().auth().oauth2(TestTokens.admin())
                .when().post("/api/v1/exercises/RT-901/retire").then().statusCode(200).extract().<String>path("retiredAt"));

        assertThat(retiredAt).doesNotContainNull().containsOnly(retiredAt.get(0));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/v1/exercises/RT-901")
                .then().statusCode(200).body("retiredAt", equalTo(retiredAt.get(0)));
        assertThat(pool.preparedQuery("SELECT count(*) FROM audit_entry WHERE resource_type = 'exercise' "
                        + "AND resource_id = 'RT-901' AND action = 'UPDATE'").execute().await().indefinitely()
                .iterator().next().getLong(0)).isEqualTo(1);
    }
}
