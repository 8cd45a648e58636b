package io.zonebridge.docs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The convention of runnable examples (docs/layout.md): how blocks are read and how output is matched. */
class DocsConventionTest {
    private static final Path FILE = Path.of("docs/x.md");

    @Test
    void markedConsoleBlocksOfOneNameFormOneExampleInDocumentOrder() {
        List<DocExample> examples = MarkdownExamples.parse(FILE, List.of(
                "# Title",
                "<!-- docs-check: demo -->",
                "```console",
                "$ echo one \\",
                "    two",
                "one two",
                "$ cat > /tmp/x.yaml <<YAML",
                "a: 1",
                "$ not a command",
                "YAML",
                "$ false   # exits 1",
                "```",
                "```bash",
                "$ echo not run",
                "```",
                "<!-- docs-check: demo -->",
                "```console",
                "$ cat /tmp/x.yaml",
                "a: 1",
                "$ not a command",
                "```"));
        assertEquals(1, examples.size());
        DocExample demo = examples.get(0);
        assertEquals("docs/x.md: demo", demo.id());
        List<DocExample.Command> commands = demo.commands();
        assertEquals(5, commands.size());
        assertEquals("echo one \\\n    two\n", commands.get(0).text());
        assertEquals(List.of("one two"), commands.get(0).expected());
        assertEquals(4, commands.get(0).line());
        assertEquals("cat > /tmp/x.yaml <<YAML\na: 1\n$ not a command\nYAML\n", commands.get(1).text());
        assertEquals(List.of(), commands.get(1).expected());
        assertEquals(1, commands.get(2).exit());
        assertEquals("cat /tmp/x.yaml\n", commands.get(3).text());
        assertEquals(List.of("a: 1"), commands.get(3).expected());
        assertEquals(0, commands.get(3).exit());
        assertEquals(18, commands.get(3).line());
        assertEquals("not a command\n", commands.get(4).text());
    }

    @Test
    void aConsoleBlockWithoutAMarkerIsAnErrorNamingItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarkdownExamples.parse(FILE,
                List.of("text", "```console", "$ true", "```")));
        assertEquals("docs/x.md:2: a console block without a <!-- docs-check: NAME --> line above it (every console "
                + "block is run by the docs check)", e.getMessage());
        IllegalArgumentException stray = assertThrows(IllegalArgumentException.class, () -> MarkdownExamples.parse(
                FILE, List.of("<!-- docs-check: demo -->", "", "```console", "$ true", "```")));
        assertEquals("docs/x.md:1: the docs-check marker is not followed by a console block", stray.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () -> MarkdownExamples.parse(
                FILE, List.of("<!-- docs-check: demo -->", "```console", "hello", "```")));
        assertEquals("docs/x.md:3: output before the first command of a console block ('$ ' starts a command)",
                output.getMessage());
    }

    @Test
    void linesMatchExactlyButForWildcardsAndTrailingBlanks() {
        ExpectedOutput shown = new ExpectedOutput(List.of("Observed: answered in ... ms", "Result: OK  ", ""));
        assertTrue(shown.match(List.of("Observed: answered in 64 ms", "Result: OK"), IdBindings.none()).isPresent());
        assertFalse(shown.match(List.of("Observed: answered in 64 ms", "Result: PROBLEM"), IdBindings.none())
                .isPresent());
        assertFalse(shown.match(List.of("Observed: answered in 64 ms"), IdBindings.none()).isPresent());
        assertFalse(shown.match(List.of("Observed: answered in 64 ms", "Result: OK", "more"), IdBindings.none())
                .isPresent());
        ExpectedOutput elided = new ExpectedOutput(List.of("first", "...", "last"));
        assertTrue(elided.match(List.of("first", "last"), IdBindings.none()).isPresent());
        assertTrue(elided.match(List.of("first", "a", "b", "last"), IdBindings.none()).isPresent());
        assertFalse(elided.match(List.of("first", "a", "b"), IdBindings.none()).isPresent());
        assertTrue(new ExpectedOutput(List.of()).match(List.of("", " "), IdBindings.none()).isPresent());
        assertFalse(new ExpectedOutput(List.of()).match(List.of("unexpected"), IdBindings.none()).isPresent());
    }

    @Test
    void idsMatchIdsOfTheirKindOneToOneForTheWholeExample() {
        ExpectedOutput vpc = new ExpectedOutput(List.of("vpc-75024a457bfc07a66 in zone /hostedzone/Z05KKW90T440076Y64KQ2"));
        Optional<IdBindings> first = vpc.match(List.of("vpc-0d1e2f3a4b5c6d7e8 in zone /hostedzone/Z0ABCDEFGHIJ123456789"),
                IdBindings.none());
        assertTrue(first.isPresent());
        assertFalse(vpc.match(List.of("subnet-0d1e2f3a4b5c6d7e8 in zone /hostedzone/Z0ABCDEFGHIJ123456789"),
                IdBindings.none()).isPresent(), "another kind of id");
        assertTrue(vpc.match(List.of("vpc-0d1e2f3a4b5c6d7e8 in zone /hostedzone/Z0ABCDEFGHIJ123456789"), first.get())
                .isPresent(), "the same ids again");
        assertFalse(vpc.match(List.of("vpc-99999999999999999 in zone /hostedzone/Z0ABCDEFGHIJ123456789"), first.get())
                .isPresent(), "the document's VPC is already another one");
        ExpectedOutput twoSubnets = new ExpectedOutput(List.of("subnet-bb203d6a315e05eec", "subnet-1b374c18d32997bfe"));
        assertFalse(twoSubnets.match(List.of("subnet-0000000000000000a", "subnet-0000000000000000a"),
                IdBindings.none()).isPresent(), "two ids of the document are two ids of the run");
        assertTrue(twoSubnets.match(List.of("subnet-0000000000000000a", "subnet-0000000000000000b"),
                IdBindings.none()).isPresent());
    }
}
