package org.everyoneserves.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's {@code User-Agent} cut down to what helps a person recognise their own sign-ins ("Firefox · Linux",
 * "curl/8.5.0"), never the whole string: the full header says more about a device than the person needs to see, and
 * is what fingerprinting is made of.
 */
final class UserAgents {

    static final int MAXLENGTH = 60;

    /** Browsers in the order they must be tested: Edge and Opera also say Chrome, Chrome also says Safari. */
    private static final List<Map.Entry<String, String>> BROWSERS = List.of(Map.entry("Edg", "Edge"), Map.entry("OPR/", "Opera"),
            Map.entry("Firefox/", "Firefox"), Map.entry("FxiOS/", "Firefox"), Map.entry("SamsungBrowser/", "Samsung Internet"),
            Map.entry("CriOS/", "Chrome"), Map.entry("Chrome/", "Chrome"), Map.entry("Chromium/", "Chromium"), Map.entry("Safari/", "Safari"));

    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(Map.entry("Windows", "Windows"), Map.entry("Android", "Android"),
            Map.entry("iPhone", "iOS"), Map.entry("iPad", "iPadOS"), Map.entry("CrOS", "ChromeOS"), Map.entry("Mac OS X", "macOS"),
            Map.entry("Macintosh", "macOS"), Map.entry("Linux", "Linux"));

    private static final Pattern PRODUCT = Pattern.compile("^[A-Za-z][A-Za-z0-9._+-]*(/[A-Za-z0-9._+-]+)?");

    private UserAgents() {
    }

    /** A short description of the client, or null when it sent none. */
    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String browser = first(BROWSERS, userAgent);
        if (browser != null) {
            String system = first(SYSTEMS, userAgent);
            return system == null ? browser : browser + " · " + system;
        }
        Matcher product = PRODUCT.matcher(userAgent.strip());
        String text = product.find() ? product.group() : "other";
        return text.length() <= MAXLENGTH ? text : text.substring(0, MAXLENGTH);
    }

    private static String first(List<Map.Entry<String, String>> names, String userAgent) {
        for (Map.Entry<String, String> name : names) {
            if (userAgent.contains(name.getKey())) {
                return name.getValue();
            }
        }
        return null;
    }
}
