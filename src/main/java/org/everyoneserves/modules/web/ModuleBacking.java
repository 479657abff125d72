package org.everyoneserves.modules.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;

/** /learner/module.xhtml?id=code: read a module, mark it as read, go on to its quiz. */
@Named
@ViewScoped
public class ModuleBacking implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ModuleService modules;

    @Inject
    Provider<Caller> caller;

    private String id;
    private ModuleService.ModuleView module;

    public void load() {
        module = modules.module(caller.get(), id == null ? "" : id);
    }

    /** Done reading: on to the module's quiz when it has one, otherwise back to the plan. */
    public String markRead() {
        modules.markRead(caller.get(), id == null ? "" : id);
        Messages.info("learner_module.message.read");
        ModuleService.ModuleView read = modules.module(caller.get(), id);
        return read.quiz() != null
                ? "/learner/quiz.xhtml?faces-redirect=true&id=" + read.quiz().code()
                : "/learner/index.xhtml?faces-redirect=true";
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public ModuleService.ModuleView getModule() { return module; }
}
