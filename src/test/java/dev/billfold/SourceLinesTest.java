package dev.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule of issue 13 that no line of the main sources is longer than 120 characters (as .editorconfig says),
 * so that it does not come back: the test lists every offending {@code file:line}.
 */
class SourceLinesTest {

    private static final int MAX_LENGTH = 120;

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    @Test
    void no_line_of_the_main_sources_is_longer_than_120_characters() throws IOException {
        assertThat(MAIN_SOURCES).isDirectory();
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".java")).sorted()
                    .forEach(file -> tooLong.addAll(linesTooLong(file)));
        }
        assertThat(tooLong).as("lines longer than %d characters", MAX_LENGTH).isEmpty();
    }

    private static List<String> linesTooLong(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int length = line.codePointCount(0, line.length());
            if (length > MAX_LENGTH) {
                found.add("%s:%d (%d characters)".formatted(file, i + 1, length));
            }
        }
        return found;
    }
}
