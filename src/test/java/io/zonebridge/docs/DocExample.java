package io.zonebridge.docs;

import java.nio.file.Path;
import java.util.List;

/**
 * A runnable example of the documentation: the {@code console} blocks of one file marked with the same
 * {@code <!-- docs-check: NAME -->}, run in order in one shell.
 *
 * @param file     the Markdown file, relative to the checkout
 * @param name     the name in the marker
 * @param commands the commands in document order
 */
record DocExample(Path file, String name, List<Command> commands) {

    /** {@code README.md: quick-start}, as failures name it. */
    String id() {
        return file + ": " + name;
    }

    /**
     * One {@code $ } command of a console block and what the document says it prints.
     *
     * @param text     the command as bash reads it (continuation lines and heredoc bodies included)
     * @param line     its first line in the file
     * @param expected the lines shown under it ({@link ExpectedOutput} reads them)
     * @param exit     the exit status it must end with: 0, or N from a trailing {@code # exits N}
     */
    record Command(String text, int line, List<String> expected, int exit) {

        /** The command's first line, for messages. */
        String firstLine() {
            return text.lines().findFirst().orElse("");
        }
    }
}
