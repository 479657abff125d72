package org.everyoneserves.assignments.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Certificate;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.security.CurrentUser;

/**
 * /learner/certificate.pdf[?person=N]: the certificate as a PDF download, for the person themselves, their managers
 * and admins; for anyone else, or before the curriculum is finished, "not found".
 */
@WebServlet("/learner/certificate.pdf")
public class CertificateServlet extends HttpServlet {

    @Inject
    AssignmentService assignments;

    @Inject
    CurrentUser currentUser;

    @Inject
    Provider<Caller> caller;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Certificate> certificate;
        try {
            long personId = CertificateBacking.personId(request.getParameter("person"), caller.get().personId());
            certificate = assignments.certificate(caller.get(), personId);
        } catch (BusinessException e) {
            certificate = Optional.empty();
        }
        if (certificate.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf = CertificatePdf.render(certificate.get(), Locale.forLanguageTag(currentUser.getLocale()), clock.getZone());
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"certificate-" + certificate.get().number() + ".pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(pdf);
    }
}
