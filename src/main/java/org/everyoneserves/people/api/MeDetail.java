package org.everyoneserves.people.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.Caller;

@Schema(description = "The signed-in person.")
public record MeDetail(
        @Schema(example = "42") long id,
        @Schema(example = "noah.fischer@brightwater.example") String email,
        @Schema(example = "Noah") String firstName,
        @Schema(example = "Fischer") String lastName,
        @Schema(example = "Finance") String department,
        @Schema(example = "Accounts receivable clerk") String jobRole,
        @Schema(example = "Lena Hoffmann") String manager,
        LocalDate startDate,
        @Schema(example = "en", enumeration = {"en", "de"}) String locale,
        @Schema(description = "LEARNER always; MANAGER with reports; ADMIN for administrators", example = "[\"LEARNER\"]") List<String> roles) {

    public static MeDetail of(PersonSummary p, Caller caller) {
        List<String> roles = new java.util.ArrayList<>(List.of("LEARNER"));
        if (caller.manager()) {
            roles.add("MANAGER");
        }
        if (caller.admin()) {
            roles.add("ADMIN");
        }
        return new MeDetail(p.id(), p.email(), p.firstName(), p.lastName(), p.department(), p.jobRole(), p.manager(), p.startDate(),
                p.locale(), List.copyOf(roles));
    }
}
