package dev.arazzo.codegen.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.arazzo.codegen.ArazzoCodegen;
import dev.arazzo.codegen.GenerationRequest;
import dev.arazzo.codegen.GenerationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;

/**
 * Generates Java from a document (or takes JavaPoet files), compiles it as a user's build would
 * ({@code --release 17 -Xlint:all -Werror}) and loads the classes, so that tests can run what was
 * generated.
 */
public final class GeneratedCode {

    public static final String PACKAGE = "com.example.generated";

    /** The package of the classes that the JSONPath compiler tests compile. */
    public static final String JSON_PATH_PACKAGE = "dev.arazzo.generated.jsonpath";

    /** The JSONPath support class that compiled queries call: the arazzo-runtime module's, on the test classpath. */
    public static final ClassName JSON_PATH_SUPPORT = ClassName.get("dev.arazzo.runtime", "JsonPathSupport");

    private final GenerationResult result;
    private final ClassLoader loader;

    private GeneratedCode(GenerationResult result, ClassLoader loader) {
        this.result = result;
        this.loader = loader;
    }

    /** Generates from {@code spec} into {@code output}, asserts there were no errors, compiles and loads. */
    public static GeneratedCode generate(Path spec, Path output, Map<String, Path> sourceMappings) {
        GenerationRequest.Builder request = GenerationRequest.builder()
                .spec(spec).outputDirectory(output).packageName(PACKAGE);
        sourceMappings.forEach(request::sourceMapping);
        return generate(request.build());
    }

    /** Generates what {@code request} asks for, asserts there were no errors, compiles and loads. */
    public static GeneratedCode generate(GenerationRequest request) {
        GenerationResult result = ArazzoCodegen.generate(request);
        if (result.hasErrors()) {
            throw new AssertionError("generation failed:\n" + String.join("\n",
                    result.diagnostics().stream().map(Object::toString).toList()));
        }
        Compilation compilation = compile(result);
        return new GeneratedCode(result, new CompiledClassLoader(compilation, GeneratedCode.class.getClassLoader()));
    }

    /** Compiles every file of {@code result} and asserts javac says nothing at all. */
    public static Compilation compile(GenerationResult result) {
        List<JavaFileObject> sources = result.files().stream().map(f -> {
            try {
                return JavaFileObjects.forResource(f.path().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        Compilation compilation = Compiler.javac()
                .withOptions("--release", "17", "-Xlint:all", "-Werror")
                .compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return compilation;
    }

    /** Compiles JavaPoet files in memory; the compilation, for the test to assert on. */
    public static Compilation compile(List<JavaFile> files) {
        List<JavaFileObject> sources = files.stream()
                .map(file -> JavaFileObjects.forSourceString(
                        file.packageName() + "." + file.typeSpec().name(), file.toString()))
                .toList();
        return Compiler.javac().withOptions("--release", "17", "-Xlint:all", "-Werror").compile(sources);
    }

    /** The classes that {@code compilation} produced, loaded over {@code libraries} (and nothing else). */
    public static ClassLoader classesOf(Compilation compilation, ClassLoader libraries) {
        return new CompiledClassLoader(compilation, libraries);
    }

    /** Compiles and loads; throws AssertionError with every diagnostic when javac says anything. */
    public static ClassLoader load(List<JavaFile> files) {
        Compilation compilation = compile(files);
        if (compilation.status() != Compilation.Status.SUCCESS || !compilation.diagnostics().isEmpty()) {
            throw new AssertionError("generated code does not compile cleanly:\n" + compilation.diagnostics().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
        return new CompiledClassLoader(compilation, GeneratedCode.class.getClassLoader());
    }

    /**
     * Compiles a class of the given static methods in {@link #JSON_PATH_PACKAGE}, which call the runtime's
     * {@link #JSON_PATH_SUPPORT}, and loads it.
     */
    public static Class<?> compileClass(String simpleName, List<MethodSpec> methods) {
        TypeSpec type = TypeSpec.classBuilder(simpleName).addModifiers(Modifier.FINAL).addMethods(methods).build();
        List<JavaFile> files = List.of(JavaFile.builder(JSON_PATH_PACKAGE, type).skipJavaLangImports(true).build());
        try {
            return load(files).loadClass(JSON_PATH_PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls the static method {@code methodName(JsonNode)} of a loaded class, whatever its access. */
    public static Object call(Class<?> type, String methodName, JsonNode argument) {
        try {
            Method method = type.getDeclaredMethod(methodName, JsonNode.class);
            method.setAccessible(true);
            return method.invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    public GenerationResult result() {
        return result;
    }

    public Class<?> type(String simpleName) {
        try {
            return loader.loadClass(PACKAGE + "." + simpleName.replace('.', '$'));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no generated class " + simpleName, e);
        }
    }

    /** Calls {@code target.name(args)} (a static method when target is a Class), unwrapping exceptions. */
    public static Object call(Object target, String name, Object... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .filter(m -> matches(m.getParameterTypes(), args))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no method " + name + " with " + args.length + " arguments on "
                        + type.getName()));
        try {
            method.setAccessible(true);
            return method.invoke(target instanceof Class<?> ? null : target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean matches(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            if (args[i] != null && !box(types[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        Map<Class<?>, Class<?>> boxes = Map.of(int.class, Integer.class, long.class, Long.class,
                double.class, Double.class, boolean.class, Boolean.class);
        return boxes.getOrDefault(type, type);
    }

    /** Loads the class files of a compilation. */
    private static final class CompiledClassLoader extends ClassLoader {
        private final Map<String, byte[]> classes = new HashMap<>();

        CompiledClassLoader(Compilation compilation, ClassLoader parent) {
            super(parent);
            for (JavaFileObject file : compilation.generatedFiles()) {
                if (file.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = file.toUri().getPath();
                    int start = path.contains("CLASS_OUTPUT/")
                            ? path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length()
                            : path.indexOf("/" + PACKAGE.replace('.', '/') + "/") + 1;
                    String name = path.substring(start, path.length() - ".class".length()).replace('/', '.');
                    try (InputStream in = file.openInputStream()) {
                        classes.put(name, in.readAllBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                throw new ClassNotFoundException(name);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
