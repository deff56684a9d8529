package eu.efus.conference.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A child JVM whose output goes to a log file, stoppable with SIGTERM then SIGKILL. */
public final class ChildProcess {

    /** Path of {@code setsid}, if present: children get their own session so Ctrl-C reaches only the launcher. */
    private static final Optional<Path> SETSID = findSetsid();

    private final String name;
    private final Process process;
    private final Path log;
    private final long logStart;
    private final Path pidFile;

    private ChildProcess(String name, Process process, Path log, long logStart, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logStart = logStart;
        this.pidFile = pidFile;
    }

    /**
     * Starts {@code command} with stdout+stderr appended to {@code log}, and records its pid in
     * {@code runDir/<name>.pid} so a later launcher can clean up after a hard kill.
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log, Path runDir)
            throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(runDir);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        List<String> fullCommand = new ArrayList<>();
        SETSID.ifPresent(path -> fullCommand.add(path.toString()));
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        Path pidFile = runDir.resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new ChildProcess(name, process, log, logStart, pidFile);
    }

    /** Runs a short-lived command to completion (output appended to {@code log}); returns its exit code. */
    public static int run(List<String> command, Path workDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IOException("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
        }
        return process.exitValue();
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The last {@code lines} lines this process wrote (this run only). */
    public List<String> tail(int lines) {
        return tail(log, logStart, lines);
    }

    /**
     * Stops all given processes: SIGTERM to all at once, up to {@code grace} for them to exit, then
     * SIGKILL; processes they started themselves are stopped too.
     */
    public static void stopAll(List<ChildProcess> children, Duration grace) {
        List<ProcessHandle> descendants = new ArrayList<>();
        for (ChildProcess child : children) {
            child.process.descendants().forEach(descendants::add);
        }
        for (ChildProcess child : children) {
            if (child.process.isAlive()) {
                child.process.destroy();
            }
        }
        for (ProcessHandle descendant : descendants) {
            descendant.destroy();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ChildProcess child : children) {
            waitUntil(child.process.toHandle(), deadline);
        }
        for (ProcessHandle descendant : descendants) {
            waitUntil(descendant, deadline);
        }
        for (ChildProcess child : children) {
            if (child.process.isAlive()) {
                child.process.destroyForcibly();
                waitUntil(child.process.toHandle(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            }
            try {
                Files.deleteIfExists(child.pidFile);
            } catch (IOException ignored) {
                // best effort
            }
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
    }

    /**
     * Stops processes left over by a launcher that was killed hard (SIGKILL): those recorded in
     * {@code runDir/*.pid} that are still alive AND whose command line carries {@code marker}. The
     * caller must hold the data-dir lock, so they cannot belong to a running launcher.
     */
    public static void stopLeftovers(Path runDir, String marker, PrintStream out) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*.pid")) {
            for (Path file : files) {
                try {
                    long pid = Long.parseLong(Files.readString(file).trim());
                    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                    if (handle.isPresent() && handle.get().isAlive()
                            && handle.get().info().commandLine().map(c -> c.contains(marker)).orElse(false)) {
                        String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                        out.println("stopping " + name + " (pid " + pid + ") left over from a previous run");
                        handle.get().destroy();
                        waitUntil(handle.get(), System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
                        if (handle.get().isAlive()) {
                            handle.get().destroyForcibly();
                            waitUntil(handle.get(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                        }
                    }
                    Files.deleteIfExists(file);
                } catch (IOException | NumberFormatException e) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            out.println("warning: could not check for left-over processes in " + runDir + ": " + e.getMessage());
        }
    }

    static List<String> tail(Path file, long from, int lines) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long end = raf.length();
            long start = Math.max(from, end - 256 * 1024);
            if (start > end) {
                start = 0;
            }
            byte[] bytes = new byte[(int) (end - start)];
            raf.seek(start);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            Deque<String> last = new ArrayDeque<>();
            for (String line : all) {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
            return new ArrayList<>(last);
        } catch (IOException e) {
            return List.of("(could not read " + file + ": " + e.getMessage() + ")");
        }
    }

    private static void waitUntil(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timeoutOrOther) {
            // caller escalates
        }
    }

    private static Optional<Path> findSetsid() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.empty();
        }
        for (String candidate : new String[] {"/usr/bin/setsid", "/bin/setsid"}) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }
}
