package org.everyoneserves.content.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything read from a content folder, with the problems found while reading it. */
public record ContentTree(
        Path root,
        List<DepartmentEntry> departments,
        List<RoleEntry> roles,
        List<TrackFile> tracks,
        List<ModuleFile> modules,
        List<QuizFile> quizzes,
        List<RefresherEntry> refreshers,
        List<GuideFile> guides,
        List<CurriculumFile> curricula,
        List<ContentProblem> loadProblems) {

    public ContentTree {
        departments = List.copyOf(departments);
        roles = List.copyOf(roles);
        tracks = List.copyOf(tracks);
        modules = List.copyOf(modules);
        quizzes = List.copyOf(quizzes);
        refreshers = List.copyOf(refreshers);
        guides = List.copyOf(guides);
        curricula = List.copyOf(curricula);
        loadProblems = List.copyOf(loadProblems);
    }

    public Optional<ModuleFile> module(String id) {
        return modules.stream().filter(m -> m.id() != null && m.id().equals(id)).findFirst();
    }

    public Optional<QuizFile> quiz(String id) {
        return quizzes.stream().filter(q -> q.id() != null && q.id().equals(id)).findFirst();
    }

    public Optional<GuideFile> guide(String id) {
        return guides.stream().filter(g -> g.id() != null && g.id().equals(id)).findFirst();
    }

    public Optional<RoleEntry> role(String code) {
        return roles.stream().filter(r -> r.code() != null && r.code().equals(code)).findFirst();
    }
}
