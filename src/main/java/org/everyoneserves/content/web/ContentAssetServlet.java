package org.everyoneserves.content.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.platform.WebPaths;
import org.everyoneserves.content.ContentAsset;

/**
 * The pictures of modules, by the hash of their bytes: the same URL always means the same bytes, so browsers keep
 * them for a year. Only for signed-in people; an SVG is served sandboxed so that opening it directly runs nothing.
 */
@WebServlet(WebPaths.CONTENT_ASSETS + "*")
public class ContentAssetServlet extends HttpServlet {

    private static final Pattern NAME = Pattern.compile("/([0-9a-f]{64})(\\.[a-z0-9]{1,5})?");

    @Inject
    CatalogService catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher name = NAME.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (request.getUserPrincipal() == null || !name.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + name.group(1) + "\"";
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        ContentAsset asset = catalog.asset(name.group(1)).orElse(null);
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] bytes = asset.getBytes();
        response.setContentType(asset.getMediaType());
        response.setContentLength(bytes.length);
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        if (asset.getMediaType().equals("application/octet-stream")) {
            response.setHeader("Content-Disposition", "attachment");
        }
        response.getOutputStream().write(bytes);
    }
}
