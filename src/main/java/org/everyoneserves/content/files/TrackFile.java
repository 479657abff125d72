package org.everyoneserves.content.files;

import java.nio.file.Path;

/** A track's {@code track.yaml}; {@code folder} is the name of the track's folder. */
public record TrackFile(String id, String folder, String title, String summary, Path file, String hash, Positions positions) {
}
