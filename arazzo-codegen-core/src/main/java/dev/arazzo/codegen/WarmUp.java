package dev.arazzo.codegen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first generation in a JVM, when {@linkplain GenerationRequest#concurrent() concurrent}, loads on a thread of
 * its own the classes it will need once its first document is read: those of reading the sources, binding,
 * checking, the model, emitting and rendering ({@value #LIST}, in the order a generation of the seed first uses
 * them), while the caller reads the document and the JSON Schema check's thread checks it. A cold JVM reads,
 * inflates and defines each class from the jar on first use; done ahead, the caller finds it defined. The classes
 * are loaded, not initialised (no class initialiser runs earlier or on another thread than it would), so the
 * generation and its output are the ones without it. Later generations in the JVM find the classes there and start
 * nothing.
 *
 * <p>The caller {@linkplain #stop() stops} it before {@code generate} returns, on every path: it ends after the
 * class it is loading, and no thread outlives the generation. A name the class path lacks (a list out of date) is
 * skipped; {@code ColdStartTest} keeps the list the one a generation of the seed gives.
 */
final class WarmUp {

    /** The name of the thread. */
    static final String THREAD = "arazzo-warm-up";

    /** The resource, beside this class, naming the classes to load, one binary name a line. */
    static final String LIST = "warm-up-classes.txt";

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private static final WarmUp NONE = new WarmUp();

    private final AtomicBoolean stop = new AtomicBoolean();
    private SideTask<Void> task;

    private WarmUp() {
    }

    /** Starts loading, unless {@code concurrent} is off or a generation in this JVM has started it already. */
    static WarmUp start(boolean concurrent) {
        if (!concurrent || !STARTED.compareAndSet(false, true)) {
            return NONE;
        }
        WarmUp warmUp = new WarmUp();
        warmUp.task = SideTask.start(THREAD, warmUp::load, true);
        return warmUp;
    }

    /** Stops loading after the class being loaded, and waits for the thread's end. */
    void stop() {
        stop.set(true);
        if (task != null) {
            task.await();
        }
    }

    private Void load() {
        ClassLoader loader = WarmUp.class.getClassLoader();
        try (InputStream in = WarmUp.class.getResourceAsStream(LIST)) {
            if (in == null) {
                return null;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null && !stop.get(); name = lines.readLine()) {
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not on this class path: the caller loads what it needs itself, and reports what it lacks
                }
            }
        } catch (IOException e) {
            // the list could not be read: the caller loads every class itself, as without a warm-up
        }
        return null;
    }
}
