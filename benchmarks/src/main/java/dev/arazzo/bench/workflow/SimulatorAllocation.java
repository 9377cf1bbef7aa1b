package dev.arazzo.bench.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes allocated by the simulator's threads (the JDK HttpServer dispatcher and its workers), so that
 * the allocation JMH's gc profiler reports for the whole process can be split into client and server.
 * JMH counts every thread; the server's share is the same work for every client under test.
 */
final class SimulatorAllocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<Long, Long> start = new HashMap<>();

    /** Takes the starting point: the bytes each simulator thread has allocated so far. */
    void begin() {
        start.clear();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isSimulatorThread(thread)) {
                start.put(thread.getId(), THREADS.getThreadAllocatedBytes(thread.getId()));
            }
        }
    }

    /** The bytes simulator threads allocated since {@link #begin()}; a thread started since counts from 0. */
    long sinceBegin() {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (isSimulatorThread(thread)) {
                long now = THREADS.getThreadAllocatedBytes(thread.getId());
                if (now >= 0) {
                    total += now - start.getOrDefault(thread.getId(), 0L);
                }
            }
        }
        return total;
    }

    /**
     * Appends the simulator threads' bytes per workflow since {@link #begin()} ({@code runs} workflows) to the file
     * named by the system property {@code bench.simulatorAllocation}, one line {@code benchmark iterationType bytes};
     * nothing when the property is not set or nothing ran.
     */
    void record(String benchmark, Object iterationType, long runs) {
        long simulatorBytes = sinceBegin();
        String file = System.getProperty("bench.simulatorAllocation");
        if (file == null || runs <= 0) {
            return;
        }
        String line = benchmark + " " + iterationType + " " + simulatorBytes / runs + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSimulatorThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("connect-simulator-") || name.equals("HTTP-Dispatcher");
    }
}
