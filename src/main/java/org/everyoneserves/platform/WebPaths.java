package org.everyoneserves.platform;

/** Paths that more than one feature must agree on. */
public final class WebPaths {

    /** Where module pictures are served, by content hash: content serves them, security lets the app's token in. */
    public static final String CONTENT_ASSETS = "/content-assets/";

    private WebPaths() {
    }
}
