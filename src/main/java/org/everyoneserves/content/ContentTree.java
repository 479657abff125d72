package org.everyoneserves.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything read from a content folder, with the problems found while reading it. */
public record ContentTree(
        Path root,
        List<Department> departments,
        List<JobRole> roles,
        List<Track> tracks,
        List<TrainingModule> modules,
        List<Quiz> quizzes,
        List<Refresher> refreshers,
        List<ShadowingGuide> guides,
        List<Curriculum> curricula,
        List<Problem> loadProblems) {

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

    public Optional<TrainingModule> module(String id) {
        return modules.stream().filter(m -> m.id() != null && m.id().equals(id)).findFirst();
    }

    public Optional<Quiz> quiz(String id) {
        return quizzes.stream().filter(q -> q.id() != null && q.id().equals(id)).findFirst();
    }

    public Optional<ShadowingGuide> guide(String id) {
        return guides.stream().filter(g -> g.id() != null && g.id().equals(id)).findFirst();
    }

    public Optional<JobRole> role(String code) {
        return roles.stream().filter(r -> r.code() != null && r.code().equals(code)).findFirst();
    }
}
