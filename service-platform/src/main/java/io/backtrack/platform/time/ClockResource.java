package io.backtrack.platform.time;

import io.backtrack.platform.problem.Problem;
import io.backtrack.platform.problem.ProblemException;
import io.backtrack.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/clock")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin: clock", description = "This service's time, controllable in tests and demos only")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    public record ClockView(Instant now, boolean controllable, String offset) {
    }

    public record SetClock(@NotNull Instant instant) {
    }

    /**
     * Each part is optional; a missing one counts as zero. At most a year each: a test or a demo moves
     * days or weeks, and a clock moved centuries ahead could never come back.
     */
    public record AdvanceClock(@PositiveOrZero @Max(366) Integer days, @PositiveOrZero @Max(366 * 24) Integer hours,
            @PositiveOrZero @Max(366 * 24 * 60) Integer minutes) {
        Duration duration() {
            return Duration.ofDays(orZero(days)).plusHours(orZero(hours)).plusMinutes(orZero(minutes));
        }

        private static int orZero(Integer part) {
            return part == null ? 0 : part;
        }
    }

    private final ServiceClock clock;

    public ClockResource(ServiceClock clock) {
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Read this service's time")
    public ClockView read() {
        return view();
    }

    @PUT
    @Operation(summary = "Set this service's time forward (controllable clock only; 422 for an earlier time)")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @APIResponse(responseCode = "200", description = "The service's time now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockView.class)))
    public ClockView set(@Valid @NotNull SetClock request) {
        requireControllable();
        try {
            clock.setTo(request.instant());
        } catch (IllegalArgumentException backwards) {
            throw new ProblemException(Problem.unprocessable("instant", "clock-moves-forward",
                    "must not be before the service's current time"));
        }
        return view();
    }

    @POST
    @Path("/advance")
    @Operation(summary = "Move this service's time forward (controllable clock only)")
    @APIResponse(responseCode = "200", description = "The service's time now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ClockView.class)))
    public ClockView advance(@Valid @NotNull AdvanceClock request) {
        requireControllable();
        clock.advance(request.duration());
        return view();
    }

    private void requireControllable() {
        if (!clock.isControllable()) {
            throw new ProblemException(Problem.conflict("clock-not-controllable",
                    "This service runs on the system clock; set backtrack.clock.controllable=true to control it."));
        }
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock.isControllable(), clock.offset().toString());
    }
}
