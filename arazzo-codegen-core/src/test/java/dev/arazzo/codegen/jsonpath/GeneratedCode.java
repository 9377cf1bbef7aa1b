package dev.arazzo.codegen.jsonpath;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;

/** Compiles generated sources in memory, as a user's build would, and loads the classes. */
final class GeneratedCode {

    static final String PACKAGE = "dev.arazzo.generated.jsonpath";
    /** The support class of the arazzo-runtime module, on the test classpath. */
    static final ClassName SUPPORT = ClassName.get("dev.arazzo.runtime", "JsonPathSupport");

    private GeneratedCode() {
    }

    /** Compiles with {@code --release 17 -Xlint:all -Werror}; a warning or error fails. */
    static Compilation compile(List<JavaFile> files) {
        List<JavaFileObject> sources = files.stream()
                .map(file -> JavaFileObjects.forSourceString(
                        file.packageName() + "." + file.typeSpec().name(), file.toString()))
                .toList();
        return javac().withOptions("--release", "17", "-Xlint:all", "-Werror").compile(sources);
    }

    /**
     * Compiles a class of the given static methods, which call the runtime's {@code JsonPathSupport}, and
     * loads it.
     */
    static Class<?> compileClass(String simpleName, List<MethodSpec> methods) {
        TypeSpec type = TypeSpec.classBuilder(simpleName).addModifiers(Modifier.FINAL).addMethods(methods).build();
        List<JavaFile> files = List.of(JavaFile.builder(PACKAGE, type).skipJavaLangImports(true).build());
        try {
            return load(files).loadClass(PACKAGE + "." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls a static method of a loaded class. */
    static Object call(Class<?> type, String methodName, JsonNode argument) {
        try {
            Method method = type.getDeclaredMethod(methodName, JsonNode.class);
            method.setAccessible(true);
            return method.invoke(null, argument);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Compiles and loads; throws AssertionError with every diagnostic when javac complains. */
    static ClassLoader load(List<JavaFile> files) {
        Compilation compilation = compile(files);
        if (compilation.status() != Compilation.Status.SUCCESS || !compilation.diagnostics().isEmpty()) {
            throw new AssertionError("generated code does not compile cleanly:\n" + compilation.diagnostics().stream()
                    .map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String binaryName = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (InputStream in = file.openInputStream()) {
                    classes.put(binaryName, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassLoader(GeneratedCode.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
