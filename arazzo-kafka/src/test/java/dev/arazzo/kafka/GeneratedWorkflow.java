package dev.arazzo.kafka;

import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates the workflow classes of an Arazzo document with {@link ArazzoCodegen#generate}, compiles them as a
 * user's build would ({@code --release 17 -Xlint:all -Werror}, no annotation processing, against this module's
 * test classpath: the runtime, Jackson) and loads them, so that a test can run them against the embedded broker.
 */
final class GeneratedWorkflow {

    static final String PACKAGE = "dev.arazzo.kafka.generated";

    private final ClassLoader loader;
    private final GenerationResult result;

    private GeneratedWorkflow(ClassLoader loader, GenerationResult result) {
        this.loader = loader;
        this.result = result;
    }

    /**
     * Copies the named resources (an Arazzo document and the sources it names) into {@code directory}, generates
     * from the first, asserts there is no error, compiles and loads.
     */
    static GeneratedWorkflow generate(Path directory, String... resources) {
        try {
            Path spec = null;
            for (String resource : resources) {
                Path file = directory.resolve(Path.of(resource).getFileName().toString());
                try (var in = GeneratedWorkflow.class.getResourceAsStream("/" + resource)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no test resource " + resource);
                    }
                    Files.write(file, in.readAllBytes());
                }
                spec = spec == null ? file : spec;
            }
            Path sources = directory.resolve("generated");
            GenerationResult result = ArazzoCodegen.generate(GenerationRequest.builder()
                    .spec(spec).outputDirectory(sources).packageName(PACKAGE).build());
            if (result.hasErrors()) {
                throw new AssertionError("generation failed:\n" + result.diagnostics().stream()
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
            Path classes = Files.createDirectories(directory.resolve("classes"));
            compile(result.files().stream().map(GenerationResult.GeneratedFile::path).toList(), classes);
            ClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    GeneratedWorkflow.class.getClassLoader());
            return new GeneratedWorkflow(loader, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compile(List<Path> files, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
                    "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
            boolean compiled = javac.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            List<Diagnostic<? extends JavaFileObject>> all = diagnostics.getDiagnostics();
            if (!compiled || !all.isEmpty()) {
                throw new AssertionError("generated code does not compile cleanly:\n" + all.stream()
                        .map(Object::toString).collect(Collectors.joining("\n")));
            }
        }
    }

    /** The warnings generation reported (there was no error). */
    List<String> warnings() {
        return result.diagnostics().stream().map(Object::toString).toList();
    }

    /** A generated class of {@link #PACKAGE}, nested ones as {@code Outer.Inner}. */
    Class<?> type(String simpleName) {
        try {
            return loader.loadClass(PACKAGE + "." + simpleName.replace('.', '$'));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class " + simpleName, e);
        }
    }

    /**
     * Calls the public method {@code name} of {@code target} (static when it is a Class) with {@code args};
     * numbers are converted to the parameter's number type; exceptions the method throws are rethrown as
     * they are.
     */
    static Object call(Object target, String name, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .filter(m -> accepts(m.getParameterTypes(), args))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name + " taking " + Arrays.toString(args)
                        + " on " + type.getName() + ": " + Arrays.stream(type.getMethods()).map(Method::toString)
                        .sorted().collect(Collectors.joining("\n  ", "\n  ", ""))));
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            converted[i] = convert(method.getParameterTypes()[i], args[i]);
        }
        try {
            method.setAccessible(true);
            return method.invoke(target instanceof Class<?> ? null : target, converted);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean accepts(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            Class<?> type = box(types[i]);
            if (args[i] != null && !type.isInstance(args[i])
                    && !(args[i] instanceof Number && Number.class.isAssignableFrom(type))) {
                return false;
            }
        }
        return true;
    }

    private static Object convert(Class<?> type, Object value) {
        if (!(value instanceof Number number) || box(type).isInstance(value)) {
            return value;
        }
        Class<?> boxed = box(type);
        if (boxed == Long.class) {
            return number.longValue();
        }
        if (boxed == Integer.class) {
            return number.intValue();
        }
        if (boxed == Double.class) {
            return number.doubleValue();
        }
        if (boxed == java.math.BigDecimal.class) {
            return new java.math.BigDecimal(number.toString());
        }
        if (boxed == java.math.BigInteger.class) {
            return java.math.BigInteger.valueOf(number.longValue());
        }
        return value;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return Map.<Class<?>, Class<?>>of(int.class, Integer.class, long.class, Long.class, double.class,
                Double.class, boolean.class, Boolean.class).getOrDefault(type, type);
    }
}
