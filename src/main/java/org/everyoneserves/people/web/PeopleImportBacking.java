package org.everyoneserves.people.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import org.everyoneserves.people.ImportPlan;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;

/**
 * /admin/import.xhtml: upload a CSV, see what each line would do, then apply all of it or nothing. The file is kept
 * in the view between preview and apply, and the plan is computed again when applying.
 */
@Named
@ViewScoped
public class PeopleImportBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_BYTES = 20 * 1024 * 1024;

    @Inject
    PersonService people;

    @Inject
    Provider<Caller> caller;

    private transient Part file;
    private String fileName;
    private String csv;
    private ImportPlan plan;
    private ImportPlan applied;

    public void preview() throws IOException {
        applied = null;
        if (file == null || file.getSize() == 0) {
            Messages.fieldError("upload:file", "import.error.noFile");
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            Messages.fieldError("upload:file", "import.error.tooLarge", MAX_BYTES / 1024 / 1024);
            return;
        }
        try (InputStream in = file.getInputStream()) {
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (CharacterCodingException e) {
            Messages.fieldError("upload:file", "import.error.encoding");
            return;
        }
        fileName = file.getSubmittedFileName();
        plan = people.previewImport(caller.get(), csv);
    }

    public void apply() {
        applied = people.applyImport(caller.get(), csv);
        plan = null;
        csv = null;
        Messages.info("admin_import.message.applied", applied.count(ImportPlan.Fate.CREATE), applied.count(ImportPlan.Fate.UPDATE),
                applied.count(ImportPlan.Fate.UNCHANGED));
    }

    public String issue(ImportPlan.Issue issue) {
        return Messages.format(issue.code(), issue.arguments());
    }

    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
    public String getFileName() { return fileName; }
    public ImportPlan getPlan() { return plan; }
    public ImportPlan getApplied() { return applied; }
}
