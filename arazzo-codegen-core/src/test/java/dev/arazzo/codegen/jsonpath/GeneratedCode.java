package dev.arazzo.codegen.jsonpath;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;

/** Compiles generated sources in memory, as a user's build would, and loads the classes. */
final class GeneratedCode {

    static final String PACKAGE = "dev.arazzo.generated.jsonpath";

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
