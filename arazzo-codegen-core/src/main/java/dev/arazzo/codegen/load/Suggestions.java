package dev.arazzo.codegen.load;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" hints: the nearest known name by edit distance, case differences counting least. */
public final class Suggestions {

    private Suggestions() {
    }

    /** {@code "; did you mean 'x'?"}, or {@code ""} when nothing known is near enough. */
    public static String didYouMean(String name, Collection<String> known) {
        return known.stream()
                .filter(candidate -> distance(name, candidate) <= Math.max(2, name.length() / 3))
                .min(Comparator.comparingInt((String candidate) -> distance(name, candidate)).thenComparing(c -> c))
                .map(candidate -> "; did you mean '" + candidate + "'?")
                .orElse("");
    }

    private static int distance(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return 0;
        }
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }
}
