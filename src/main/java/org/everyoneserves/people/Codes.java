package org.everyoneserves.people;

import java.text.Normalizer;
import java.util.Locale;

/** Stable identifiers of departments and job roles: lower-case words joined by hyphens. */
final class Codes {

    private Codes() {
    }

    static String normalise(String code) {
        return code == null ? null : code.strip().toLowerCase(Locale.ROOT);
    }

    /** "Finance & Collections" becomes "finance-collections". */
    static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+)|(-+$)", "");
        if (code.length() > Department.CODE_MAXLENGTH) {
            code = code.substring(0, Department.CODE_MAXLENGTH).replaceAll("-+$", "");
        }
        return code.isEmpty() ? "unnamed" : code;
    }
}
