package dev.arazzo.codegen;

import java.util.Locale;
import java.util.Optional;

/** Where the run-time support of generated workflows comes from. */
public enum RuntimeMode {

    /**
     * The {@code dev.arazzo:arazzo-runtime} jar (package {@code dev.arazzo.runtime}), which the project
     * adds as a dependency: one {@code WorkflowException} hierarchy, one {@code RequestInterceptor} and
     * one {@code WorkflowListener} for every generated package. The default.
     */
    SHARED,

    /**
     * The runtime's sources copied into each generated package (only those its workflows need), for
     * projects that want no extra jar; each package then has its own support types.
     */
    INLINE;

    /** The name as configurations write it: {@code shared} or {@code inline}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode a configuration names ({@code shared} or {@code inline}, in any case); empty for any other text. */
    public static Optional<RuntimeMode> fromConfigName(String name) {
        for (RuntimeMode mode : values()) { // a loop, not a stream: every build asks, also one with nothing to do
            if (mode.configName().equalsIgnoreCase(name.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
