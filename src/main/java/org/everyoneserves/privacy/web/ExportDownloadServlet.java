package org.everyoneserves.privacy.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.privacy.PrivacyService;

/**
 * /account/personal-data.zip?id=N: an export as a download, for the one who asked for it while it is offered; for
 * anyone else, an unknown id or an expired export, "not found".
 */
@WebServlet("/account/personal-data.zip")
public class ExportDownloadServlet extends HttpServlet {

    @Inject
    PrivacyService privacy;

    @Inject
    Provider<Caller> caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrivacyService.Download download;
        try {
            download = privacy.download(caller.get(), Long.parseLong(request.getParameter("id")));
        } catch (BusinessException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/zip");
        response.setContentLength(download.content().length);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(download.content());
    }
}
