package org.everyoneserves.content.files;

import java.nio.file.Path;
import java.util.List;

public record GuideFile(
        String id,
        String track,
        String title,
        String summary,
        List<String> hostRoles,
        List<String> audience,
        Integer durationMinutes,
        List<String> watchFor,
        List<String> questions,
        String reflectionPrompt,
        Path file,
        String hash,
        Positions positions) {

    public static final List<String> DEFAULT_QUESTIONS = List.of(
            "How does the person you shadowed serve the customer right now, and why?",
            "How could they do it better?",
            "How could we make it easier for them to serve the customer better?");

    public GuideFile {
        hostRoles = List.copyOf(hostRoles);
        audience = List.copyOf(audience);
        watchFor = List.copyOf(watchFor);
        questions = List.copyOf(questions);
    }
}
