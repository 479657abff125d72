package org.everyoneserves.modules.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.Idempotency;

@Path("modules/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "404", description = "No current module with this code")
public class ModulesResource {

    @Schema(description = "A training module: sanitised HTML and a plain-text rendering of the same content.")
    public record ModuleDetail(@Schema(example = "everyone-serves") String code, @Schema(example = "Everyone serves") String title,
                               String summary, @Schema(example = "8") int minutes, @Schema(description = "Sanitised HTML: safe to show in a web view. Its pictures (/content-assets/...) load with the same Bearer token") String html,
                               @Schema(description = "The same content as plain text") String text, @Schema(example = "2") int version,
                               @Schema(example = "foundation") String track, @Schema(description = "When I read this version, if I did") Instant readOn,
                               LocalDate dueOn, @Schema(example = "everyone-serves-quiz") String quiz) {

        static ModuleDetail of(ModuleService.ModuleView v) {
            return new ModuleDetail(v.code(), v.title(), v.summary(), v.minutes(), v.html(), v.text(), v.version(), v.track(), v.readOn(),
                    v.dueOn(), v.quiz() == null ? null : v.quiz().code());
        }
    }

    @Inject
    Caller caller;

    @Inject
    ModuleService modules;

    @Inject
    Idempotency idempotency;

    @GET
    @Operation(operationId = "getModule",
            summary = "Read a module", description = "The current version of the module, with my due date and when I read it.")
    @APIResponse(responseCode = "200", description = "The module", content = @Content(schema = @Schema(implementation = ModuleDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public ModuleDetail module(@Parameter(example = "everyone-serves") @PathParam("code") String code) {
        return ModuleDetail.of(modules.module(caller, code));
    }

    @POST
    @Path("read")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "markModuleRead",
            summary = "I have read it", description = "Marks the current version read to the end, which completes the module in my plan.")
    @APIResponse(responseCode = "200", description = "The module, now read", content = @Content(schema = @Schema(implementation = ModuleDetail.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key")
    public Response read(@PathParam("code") String code,
                         @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.personId(), key, "POST modules/" + code + "/read", () -> {
            modules.markRead(caller, code);
            return Response.ok(ModuleDetail.of(modules.module(caller, code))).build();
        });
    }
}
