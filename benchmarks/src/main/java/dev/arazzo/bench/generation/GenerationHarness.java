package dev.arazzo.bench.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import dev.arazzo.codegen.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Times {@link ArazzoCodegen#generate} in one JVM: the first pass (a cold JVM, what a build sees), then
 * the median of {@value #MEASURED} passes after {@value #WARMUP} warm-up passes. Every pass starts from an
 * empty output directory, so every file is written. Peak heap is sampled every millisecond during the
 * first pass; the process's peak resident set size comes from {@code /proc/self/status}.
 *
 * <pre>{@code
 * java -Xmx1g -cp ... dev.arazzo.bench.generation.GenerationHarness corpus /work/shared/corpus target/out result.json
 * java -Xmx1g -cp ... dev.arazzo.bench.generation.GenerationHarness seed path/to/seed.arazzo.yml target/out result.json
 * java -Xmx1g -cp ... dev.arazzo.bench.generation.GenerationHarness copies template.arazzo.yaml 100 target/out result.json \
 *     '*=path/to/openapi.json'
 * }</pre>
 *
 * {@code copies} first writes one document holding {@code n} copies of the template's first workflow
 * ({@link WorkflowCopies}), its sources read from the files given, and measures that document. The
 * numbers of passes can be changed with {@code -Dbench.generation.warmups} and {@code -Dbench.generation.passes}.
 *
 * Diagnostics do not stop it: they are counted per case and by code.
 */
public final class GenerationHarness {

    static final int WARMUP = 3;
    static final int MEASURED = 5;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private GenerationHarness() {
    }

    public static void main(String[] args) throws Exception {
        boolean copies = args.length >= 5 && args[0].equals("copies");
        if (!copies && (args.length != 4 || !(args[0].equals("corpus") || args[0].equals("seed")))) {
            System.err.println("usage: GenerationHarness corpus|seed <corpus folder or seed document> <output> <result.json>\n"
                    + "       GenerationHarness copies <template document> <n> <output> <result.json> [source=file ...]");
            System.exit(2);
        }
        Path input = Path.of(args[1]).toAbsolutePath().normalize();
        Path output = Path.of(args[copies ? 3 : 2]).toAbsolutePath().normalize();
        Path resultFile = Path.of(args[copies ? 4 : 3]).toAbsolutePath();
        List<CorpusCase> cases;
        int workflows = 0;
        if (copies) {
            workflows = Integer.parseInt(args[2]);
            Map<String, Path> sources = new TreeMap<>();
            for (String source : Arrays.asList(args).subList(5, args.length)) {
                int equals = source.indexOf('=');
                sources.put(source.substring(0, equals), Path.of(source.substring(equals + 1)));
            }
            // written beside the output, outside what every pass deletes, and before anything is measured
            Path document = WorkflowCopies.write(input, workflows,
                    output.resolveSibling(output.getFileName() + "-arazzo").resolve("workflows-" + workflows + ".arazzo.yaml"),
                    sources);
            cases = List.of(new CorpusCase(input.getFileName() + " x" + workflows, GenerationRequest.builder()
                    .spec(document).outputDirectory(output).packageName("bench.copies").build()));
        } else {
            cases = args[0].equals("corpus")
                    ? CorpusCase.all(input, output)
                    : List.of(new CorpusCase("seed", GenerationRequest.builder().spec(input).outputDirectory(output)
                            .packageName("com.example.connect").build()));
        }
        long openapiBytes = -1;
        if (copies && args.length > 5) {
            String first = args[5];
            openapiBytes = Files.size(Path.of(first.substring(first.indexOf('=') + 1)));
        }
        int warmup = Integer.getInteger("bench.generation.warmups", WARMUP);
        int measured = Integer.getInteger("bench.generation.passes", MEASURED);

        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = json.createObjectNode();
        result.put("what", args[0]);
        result.put("workflows", workflows);
        result.put("template", input.toString());
        result.put("openapiBytes", openapiBytes);
        result.put("cases", cases.size());
        result.put("documents", cases.stream().mapToInt(c -> c.request().specs().size()).sum());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        result.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        // first pass: a cold JVM
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        HeapSampler sampler = HeapSampler.start(memory);
        Pass first = pass(cases, output);
        long peakHeap = sampler.stop();
        result.put("firstPassMillis", first.nanos() / 1e6);
        result.put("firstPassAllocatedBytes", first.allocatedBytes());
        result.put("heapBeforeBytes", heapBefore);
        result.put("peakHeapUsedBytes", peakHeap);
        result.put("peakRssAfterFirstPassBytes", peakRss());
        result.put("filesWritten", first.files());
        ObjectNode diagnostics = result.putObject("diagnostics");
        diagnostics.put("errors", first.diagnostics().stream().filter(Diagnostic::isError).count());
        diagnostics.put("warnings", first.diagnostics().stream().filter(d -> !d.isError()).count());
        diagnostics.put("casesWithErrors", first.casesWithErrors().size());
        diagnostics.putPOJO("casesWithErrorsNames", first.casesWithErrors());
        Map<String, Integer> byCode = new TreeMap<>();
        first.diagnostics().forEach(d -> byCode.merge(d.severity().label() + " " + d.code(), 1, Integer::sum));
        diagnostics.putPOJO("byCode", byCode);
        diagnostics.putPOJO("messages", first.diagnostics().stream().map(Diagnostic::toString).toList());
        ObjectNode perCase = result.putObject("firstPassMillisPerCase");
        first.perCaseNanos().forEach((name, nanos) -> perCase.put(name, nanos / 1e6));

        // steady state
        for (int i = 0; i < warmup; i++) {
            pass(cases, output);
        }
        double[] millis = new double[measured];
        long[] allocated = new long[measured];
        for (int i = 0; i < measured; i++) {
            Pass pass = pass(cases, output);
            millis[i] = pass.nanos() / 1e6;
            allocated[i] = pass.allocatedBytes();
        }
        Arrays.sort(millis);
        Arrays.sort(allocated);
        result.put("warmPasses", measured);
        result.put("warmupPasses", warmup);
        result.put("warmPassMedianMillis", millis[measured / 2]);
        result.putPOJO("warmPassMillis", millis);
        result.put("warmPassAllocatedBytes", allocated[measured / 2]);
        result.put("peakRssBytes", peakRss());

        Files.createDirectories(resultFile.getParent());
        json.writeValue(resultFile.toFile(), result);
        System.out.printf("%s: %d cases, %d documents: first pass %.0f ms (peak heap %d MiB), warm %.0f ms; "
                        + "%d errors, %d warnings%n", args[0], cases.size(), result.get("documents").asInt(),
                first.nanos() / 1e6, peakHeap >> 20, millis[measured / 2],
                diagnostics.get("errors").asLong(), diagnostics.get("warnings").asLong());
    }

    private record Pass(long nanos, long allocatedBytes, int files, List<Diagnostic> diagnostics,
            List<String> casesWithErrors, Map<String, Long> perCaseNanos) {
    }

    private static Pass pass(List<CorpusCase> cases, Path output) throws IOException {
        deleteRecursively(output);
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<String> casesWithErrors = new ArrayList<>();
        Map<String, Long> perCase = new TreeMap<>();
        int files = 0;
        long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        for (CorpusCase corpusCase : cases) {
            long caseStart = System.nanoTime();
            GenerationResult generated = ArazzoCodegen.generate(corpusCase.request());
            perCase.put(corpusCase.name(), System.nanoTime() - caseStart);
            diagnostics.addAll(generated.diagnostics());
            files += generated.files().size();
            if (generated.hasErrors()) {
                casesWithErrors.add(corpusCase.name());
            }
        }
        long nanos = System.nanoTime() - start;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
        return new Pass(nanos, allocated, files, diagnostics, casesWithErrors, perCase);
    }

    /** The peak resident set size of this process (Linux), or -1 where unknown. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Samples the heap in use every millisecond on a daemon thread; {@link #stop()} gives the maximum. */
    private static final class HeapSampler implements Runnable {
        private final MemoryMXBean memory;
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        private HeapSampler(MemoryMXBean memory) {
            this.memory = memory;
        }

        static HeapSampler start(MemoryMXBean memory) {
            HeapSampler sampler = new HeapSampler(memory);
            sampler.thread = new Thread(sampler, "heap-sampler");
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            return peak.get();
        }
    }
}
