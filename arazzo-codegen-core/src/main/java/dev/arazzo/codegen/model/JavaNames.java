package dev.arazzo.codegen.model;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * Turns names from a document ({@code start-chat}, {@code Contact.Id}, {@code 2fa}) into Java
 * identifiers. Every name that reaches generated code goes through here, then through a
 * {@link NameAllocator} scope so that keywords and clashes are escaped.
 */
public final class JavaNames {

    private JavaNames() {
    }

    /** {@code start-chat-and-set-attributes} to {@code StartChatAndSetAttributes}. */
    public static String pascal(String name) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return identifier(out.toString(), "Value");
    }

    /** {@code start-chat} to {@code startChat}; {@code InstanceId} to {@code instanceId}. */
    public static String camel(String name) {
        String pascal = pascal(name);
        int upper = 0;
        while (upper < pascal.length() && Character.isUpperCase(pascal.charAt(upper))) {
            upper++;
        }
        // "URL" -> "url", "URLValue" -> "urlValue", "Id" -> "id"
        int lower = upper <= 1 || upper == pascal.length() ? upper : upper - 1;
        String camel = pascal.substring(0, lower).toLowerCase(Locale.ROOT) + pascal.substring(lower);
        return SourceVersion.isKeyword(camel) ? camel + "_" : camel;
    }

    /**
     * A class name for {@code suggestion} from {@code names} that differs from every class name taken there
     * through this method in more than case: on a case-insensitive file system ({@code x} and {@code X},
     * {@code Result} and {@code result}) two classes whose names differ only in case would be one file.
     */
    public static String typeName(NameAllocator names, String suggestion) {
        while (true) {
            String name = newName(names, suggestion);
            if (reserveType(names, name)) {
                return name;
            }
        }
    }

    /**
     * Marks {@code name} as a class name of {@code names} whatever its case; false when one that differs
     * only in case was marked before. (The mark is a name no identifier from a document can be: it has
     * a {@code $}, which {@link #pascal} never keeps; it ends in one, so the {@code _} the allocator adds to
     * a mark taken already never makes another mark.)
     */
    public static boolean reserveType(NameAllocator names, String name) {
        String mark = "$type$" + name.toLowerCase(Locale.ROOT) + "$";
        return newName(names, mark).equals(mark);
    }

    /**
     * A name for {@code suggestion} from {@code names}, as {@link NameAllocator#newName(String)} gives it, without
     * that method's tag: a {@code UUID.randomUUID()} per name, which in a fresh JVM seeds a {@code SecureRandom}
     * (its security provider's classes and a read of the system's entropy) for tags nothing looks up. Every
     * name of the generator is allocated here; a fresh object is as unique a tag.
     */
    public static String newName(NameAllocator names, String suggestion) {
        return names.newName(suggestion, new Object());
    }

    /** {@code confirmContact} to {@code CONFIRM_CONTACT}. */
    public static String constant(String name) {
        String camel = camel(name).replace("_", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        return identifier(out.toString(), "VALUE");
    }

    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static String identifier(String candidate, String fallback) {
        if (candidate.isEmpty()) {
            return fallback;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = i == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c);
            if (ok && c < 128) {
                out.append(c);
            } else if (i == 0 && Character.isDigit(c)) {
                out.append('_').append(c);
            } else {
                out.append('_');
            }
        }
        return shortened(out.toString());
    }

    /** The longest identifier taken from a document whole; longer ones keep their start and a hash of the rest. */
    static final int MAX_LENGTH = 64;

    /** {@code name}, or for a name longer than {@link #MAX_LENGTH} its start and a hash, so class files stay short. */
    private static String shortened(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        String hash = Integer.toHexString(name.hashCode() & 0x7fffffff);
        return name.substring(0, MAX_LENGTH - hash.length() - 1) + "_" + hash;
    }
}
