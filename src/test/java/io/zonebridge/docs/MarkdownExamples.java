package io.zonebridge.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the runnable examples of a Markdown file (the convention is in docs/layout.md, "Runnable examples"):
 * a fenced {@code console} block directly under {@code <!-- docs-check: NAME -->} belongs to example NAME; a line
 * starting with {@code $ } is a command (continued by a trailing backslash and by heredoc bodies), the lines under
 * it are what it prints, and a trailing {@code # exits N} says it ends with status N instead of 0. Every
 * {@code console} block must have a marker, so nothing that looks runnable goes unchecked.
 */
final class MarkdownExamples {
    private static final Pattern MARKER = Pattern.compile("\\s*<!--\\s*docs-check:\\s*([a-z0-9-]+)\\s*-->\\s*");
    private static final Pattern FENCE = Pattern.compile("\\s*```\\s*([A-Za-z0-9_-]*).*");
    private static final Pattern EXIT = Pattern.compile("\\s#\\s*exits\\s+(\\d+)\\b");
    private static final Pattern HEREDOC = Pattern.compile("(?<!<)<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    private MarkdownExamples() {
    }

    /** The examples of {@code file} (relative to {@code root}), in the order their first block appears. */
    static List<DocExample> read(Path root, Path file) throws IOException {
        return parse(file, Files.readAllLines(root.resolve(file)));
    }

    /** The examples in {@code lines} of {@code file}; a block breaking the convention is an error naming its line. */
    static List<DocExample> parse(Path file, List<String> lines) {
        Map<String, List<DocExample.Command>> examples = new LinkedHashMap<>();
        String marker = null;
        int markerLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                boolean console = fence.group(1).equals("console");
                if (console && marker == null) {
                    throw error(file, i + 1, "a console block without a <!-- docs-check: NAME --> line above it "
                            + "(every console block is run by the docs check)");
                }
                if (!console && marker != null) {
                    throw error(file, markerLine, "the docs-check marker is not followed by a console block");
                }
                int end = closingFence(file, lines, i);
                if (console) {
                    examples.computeIfAbsent(marker, name -> new ArrayList<>())
                            .addAll(commands(file, lines.subList(i + 1, end), i + 2));
                    marker = null;
                }
                i = end;
                continue;
            }
            if (marker != null) {
                throw error(file, markerLine, "the docs-check marker is not followed by a console block");
            }
            Matcher named = MARKER.matcher(line);
            if (named.matches()) {
                marker = named.group(1);
                markerLine = i + 1;
            }
        }
        if (marker != null) {
            throw error(file, markerLine, "the docs-check marker is not followed by a console block");
        }
        List<DocExample> found = new ArrayList<>();
        examples.forEach((name, commands) -> found.add(new DocExample(file, name, List.copyOf(commands))));
        return found;
    }

    private static int closingFence(Path file, List<String> lines, int open) {
        for (int j = open + 1; j < lines.size(); j++) {
            if (lines.get(j).trim().equals("```")) {
                return j;
            }
        }
        throw error(file, open + 1, "a code block that is never closed");
    }

    /** The commands of one console block whose first line is {@code firstLine} of the file. */
    private static List<DocExample.Command> commands(Path file, List<String> block, int firstLine) {
        List<DocExample.Command> commands = new ArrayList<>();
        int i = 0;
        while (i < block.size()) {
            String line = block.get(i);
            if (!line.startsWith("$ ")) {
                throw error(file, firstLine + i, "output before the first command of a console block ('$ ' starts "
                        + "a command)");
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            int exit = 0;
            Deque<String> heredocs = new ArrayDeque<>();
            String current = line.substring(2);
            while (true) {
                text.append(current).append('\n');
                Matcher exits = EXIT.matcher(current);
                while (exits.find()) {
                    exit = Integer.parseInt(exits.group(1));
                }
                Matcher heredoc = HEREDOC.matcher(current);
                while (heredoc.find()) {
                    heredocs.add(heredoc.group(1) + heredoc.group(3));
                }
                i++;
                while (!heredocs.isEmpty()) {
                    if (i >= block.size()) {
                        throw error(file, firstLine + start, "a heredoc that does not end in its console block");
                    }
                    String body = block.get(i++);
                    text.append(body).append('\n');
                    String delimiter = heredocs.peek();
                    boolean tabs = delimiter.startsWith("-");
                    if ((tabs ? body.replaceFirst("^\t+", "") : body).equals(tabs ? delimiter.substring(1) : delimiter)) {
                        heredocs.pop();
                    }
                }
                if (!current.endsWith("\\") || i >= block.size()) {
                    break;
                }
                current = block.get(i);
            }
            List<String> expected = new ArrayList<>();
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                expected.add(block.get(i++));
            }
            commands.add(new DocExample.Command(text.toString(), firstLine + start, List.copyOf(expected), exit));
        }
        return commands;
    }

    private static IllegalArgumentException error(Path file, int line, String what) {
        return new IllegalArgumentException(file + ":" + line + ": " + what);
    }
}
