package org.everyoneserves.refreshers.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.refreshers.RefresherService;

/** My refresher settings: the daily size and the pause. Named Settings in the API document, as it always was. */
@Schema(name = "Settings")
public record SettingsDetail(int dailySize, LocalDate pausedUntil, int version) {

    public static SettingsDetail of(RefresherService.Settings v) {
        return new SettingsDetail(v.dailySize(), v.pausedUntil(), v.version());
    }
}
