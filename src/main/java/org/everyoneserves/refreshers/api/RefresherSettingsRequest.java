package org.everyoneserves.refreshers.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many items a day, and a holiday pause until a day (inclusive); no pausedUntil resumes.")
public record RefresherSettingsRequest(
        @Schema(example = "4") @NotNull @Min(3) @Max(5) Integer dailySize,
        @Schema(example = "2026-12-27") LocalDate pausedUntil) {
}
