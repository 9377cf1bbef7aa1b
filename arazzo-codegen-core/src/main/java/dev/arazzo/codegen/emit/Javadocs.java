package dev.arazzo.codegen.emit;

/**
 * Makes text from a document safe inside a Javadoc comment: it cannot end the comment ({@code *}{@code /}),
 * start a unicode escape that javac would read as code ({@code \}{@code u000a}), or read as a tag.
 */
final class Javadocs {

    private Javadocs() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String escaped = text.strip()
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\\", "&#92;")
                .replace("*/", "*&#47;")
                .replace("/*", "&#47;*")
                .replace("@", "&#64;");
        // every line terminator, Java's and Unicode's, ends a comment line here rather than in JavaPoet
        return wrap(lineFeeds(escaped.replace("\r\n", "\n")));
    }

    /**
     * {@code text} with each other line terminator (carriage return, U+000B, form feed, U+0085, U+2028, U+2029)
     * a line feed; a loop rather than a regular expression, which would be compiled at every call.
     */
    private static String lineFeeds(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '\n';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The width at which document text is wrapped, so that comment lines stay well under 120 characters. */
    private static final int WIDTH = 90;

    /** Breaks lines longer than {@link #WIDTH} at their last space before it. */
    private static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > WIDTH && rest.lastIndexOf(' ', WIDTH) > 0) {
                int space = rest.lastIndexOf(' ', WIDTH);
                out.append(rest, 0, space).append('\n');
                rest = rest.substring(space + 1);
            }
            out.append(rest).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }
}
