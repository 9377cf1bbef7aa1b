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
        return escaped.replace("\r\n", "\n").replace('\r', '\n');
    }
}
