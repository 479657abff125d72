package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/** /learner/reflection.xhtml?id=N: one reflection, for the shadow, the host and the managers of either. */
@Named
@RequestScoped
public class ReflectionBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    private Long id;
    private ShadowingService.ReflectionView reflection;

    public void load() {
        reflection = shadowing.reflection(caller, id == null ? -1 : id);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public ShadowingService.ReflectionView getReflection() { return reflection; }
}
