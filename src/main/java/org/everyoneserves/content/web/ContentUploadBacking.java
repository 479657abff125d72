package org.everyoneserves.content.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.everyoneserves.content.CatalogPlan;
import org.everyoneserves.content.CatalogService;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.QuizUploads;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;

/**
 * The upload part of /admin/content.xhtml (its only multipart form): a GIFT or Moodle XML file and the module it is
 * for, checked and shown question by question, then published. The file is kept in the view between the check and
 * publishing, and is checked again when published.
 */
@Named
@ViewScoped
public class ContentUploadBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FILE = "upload:file";

    @Inject
    QuizUploads uploads;

    @Inject
    Provider<Caller> caller;

    private transient Part file;
    private String module;
    private String fileName;
    private byte[] content;
    private QuizUploads.Preview preview;
    private List<QuizUploads.ModuleOption> modules;

    /**
     * Checks the fields here rather than with {@code required}: a form that fails validation keeps the uploaded part in
     * the view's state, which cannot be saved.
     */
    public void check() throws IOException {
        preview = null;
        if (module == null) {
            Messages.fieldError("upload:module", "admin_content.upload.moduleRequired");
        }
        if (file == null || file.getSize() == 0) {
            Messages.fieldError(FILE, "import.error.noFile");
            return;
        }
        if (module == null) {
            return;
        }
        if (file.getSize() > QuizUploads.MAX_BYTES) {
            Messages.fieldError(FILE, QuizUploads.TOO_LARGE, QuizUploads.MAX_BYTES / 1024);
            return;
        }
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        fileName = file.getSubmittedFileName();
        try {
            preview = uploads.check(caller.get(), fileName, content, module);
        } catch (BusinessException e) {
            Messages.fieldError(FILE, e.code(), e.arguments().toArray());
        }
    }

    public void publish() {
        try {
            CatalogService.Outcome outcome = uploads.publish(caller.get(), fileName, content, module);
            CatalogPlan plan = outcome.preview().plan();
            Messages.info("admin_content.upload.published", preview.title(), plan.count(CatalogPlan.Type.NEW), plan.count(CatalogPlan.Type.MINOR)
                    + plan.count(CatalogPlan.Type.MATERIAL));
            preview = null;
            content = null;
        } catch (BusinessException e) {
            Messages.error(e);
        }
    }

    public List<QuizUploads.ModuleOption> getModules() {
        if (modules == null) {
            modules = uploads.modules(caller.get());
        }
        return modules;
    }

    public List<ContentProblem> getErrors() {
        return preview == null ? List.of() : preview.problems().stream().filter(ContentProblem::isError).toList();
    }

    public List<ContentProblem> getWarnings() {
        return preview == null ? List.of() : preview.problems().stream().filter(p -> !p.isError()).toList();
    }

    public int getMaxKilobytes() {
        return QuizUploads.MAX_BYTES / 1024;
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getModule() { return module; }
    public void setModule(String module) { this.module = module; }
    public String getFileName() { return fileName; }
    public QuizUploads.Preview getPreview() { return preview; }
}
