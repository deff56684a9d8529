package eu.efus.conference.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path dir;

    @Test
    void tailReturnsTheLastLinesOfThisRunOnly() throws Exception {
        Path log = dir.resolve("x.log");
        Files.writeString(log, "old 1\nold 2\n");
        long start = Files.size(log);
        Files.writeString(log, "new 1\nnew 2\nnew 3\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of("new 2", "new 3"), ChildProcess.tail(log, start, 2));
        assertEquals(List.of("new 1", "new 2", "new 3"), ChildProcess.tail(log, start, 30));
        assertEquals(List.of(), ChildProcess.tail(dir.resolve("missing.log"), 0, 30));
    }

    @Test
    void startLogsAndStopsAProcessAndItsChildren() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Path log = dir.resolve("logs").resolve("sh.log");
        // a child that itself starts a child; both must be gone afterwards
        ChildProcess child = ChildProcess.start("sh", List.of("/bin/sh", "-c", "echo hello; sleep 60 & wait"),
                dir, log, dir.resolve("run"));
        assertTrue(Files.exists(dir.resolve("run").resolve("sh.pid")));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (child.process().descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        List<ProcessHandle> grandChildren = child.process().descendants().toList();
        assertFalse(grandChildren.isEmpty());

        ChildProcess.stopAll(List.of(child), Duration.ofSeconds(5));

        assertFalse(child.isAlive());
        for (ProcessHandle grandChild : grandChildren) {
            grandChild.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(grandChild.isAlive());
        }
        assertEquals(List.of("hello"), child.tail(30));
        assertFalse(Files.exists(dir.resolve("run").resolve("sh.pid")));
    }
}
