package dev.arazzo.codegen.expression;

import dev.arazzo.codegen.expression.RuntimeExpressionParser.TemplatePart;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each {@code {$...}} of a templated XML payload stands: the literal text around the expressions is
 * scanned as XML markup, and each expression gets the context it is inserted into, which decides how its value
 * is escaped (element content, an attribute value and its quote) or whether it can be sent exactly at all
 * (a name, markup inside a tag, a comment, a processing instruction or a declaration cannot).
 */
public final class XmlTemplate {

    /** The context of one expression in the template. */
    public enum Context {
        /** Character data inside an element: escaped for content. */
        CONTENT,
        /** An attribute value quoted with {@code "}. */
        ATTRIBUTE_DOUBLE,
        /** An attribute value quoted with {@code '}. */
        ATTRIBUTE_SINGLE,
        /** Inside a CDATA section: sent as is, {@code ]]>} refused at run time. */
        CDATA,
        /** Outside the root element (the whole document, or a part of it before or after): sent as is. */
        TOP,
        /** Inside an element or attribute name. */
        NAME,
        /** Inside a tag but neither a name nor a quoted attribute value. */
        TAG,
        /** Inside a comment. */
        COMMENT,
        /** Inside a processing instruction or the XML declaration. */
        INSTRUCTION,
        /** Inside a document type declaration or another {@code <!} declaration. */
        DECLARATION;

        /** Whether a value in this context can be sent exactly (escaped or checked). */
        public boolean insertable() {
            return switch (this) {
                case CONTENT, ATTRIBUTE_DOUBLE, ATTRIBUTE_SINGLE, CDATA, TOP -> true;
                default -> false;
            };
        }

        /** What this context is, for messages. */
        public String describe() {
            return switch (this) {
                case CONTENT -> "element content";
                case ATTRIBUTE_DOUBLE, ATTRIBUTE_SINGLE -> "an attribute value";
                case CDATA -> "a CDATA section";
                case TOP -> "the document outside its root element";
                case NAME -> "an element or attribute name";
                case TAG -> "a tag, outside any quoted attribute value";
                case COMMENT -> "a comment";
                case INSTRUCTION -> "a processing instruction";
                case DECLARATION -> "a declaration";
            };
        }
    }

    private enum State {
        TEXT, OPEN, BANG, TAG_NAME, IN_TAG, ATTRIBUTE_NAME, AFTER_EQUALS, VALUE_DOUBLE, VALUE_SINGLE, END_TAG,
        COMMENT, CDATA, INSTRUCTION, DECLARATION
    }

    private XmlTemplate() {
    }

    /** The context of each embedded expression of {@code parts}, in order. */
    public static List<Context> contexts(List<TemplatePart> parts) {
        List<Context> contexts = new ArrayList<>();
        State state = State.TEXT;
        int depth = 0;
        StringBuilder recent = new StringBuilder();
        StringBuilder bang = new StringBuilder();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Embedded) {
                contexts.add(context(state, depth));
                recent.setLength(0);
                recent.append('\u0000');
                continue;
            }
            String text = ((TemplatePart.Literal) part).text();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                recent.append(c);
                if (recent.length() > 9) {
                    recent.delete(0, recent.length() - 9);
                }
                String tail = recent.toString();
                switch (state) {
                    case TEXT -> {
                        if (c == '<') {
                            state = State.OPEN;
                        }
                    }
                    case OPEN -> {
                        if (c == '!') {
                            bang.setLength(0);
                            state = State.BANG;
                        } else if (c == '?') {
                            state = State.INSTRUCTION;
                        } else if (c == '/') {
                            state = State.END_TAG;
                        } else {
                            state = State.TAG_NAME;
                            i--;
                            recent.setLength(recent.length() - 1);
                        }
                    }
                    case BANG -> {
                        bang.append(c);
                        String opened = bang.toString();
                        if (opened.equals("--")) {
                            state = State.COMMENT;
                            recent.setLength(0);
                        } else if (opened.equals("[CDATA[")) {
                            state = State.CDATA;
                            recent.setLength(0);
                        } else if (!"--".startsWith(opened) && !"[CDATA[".startsWith(opened)) {
                            state = State.DECLARATION;
                        }
                    }
                    case TAG_NAME -> {
                        if (c == '>') {
                            depth++;
                            state = State.TEXT;
                        } else if (c == '/' || Character.isWhitespace(c)) {
                            state = State.IN_TAG;
                        }
                    }
                    case IN_TAG -> {
                        if (c == '>') {
                            if (!tail.endsWith("/>")) {
                                depth++;
                            }
                            state = State.TEXT;
                        } else if (c != '/' && !Character.isWhitespace(c)) {
                            state = c == '=' ? State.AFTER_EQUALS : State.ATTRIBUTE_NAME;
                        }
                    }
                    case ATTRIBUTE_NAME -> {
                        if (c == '=') {
                            state = State.AFTER_EQUALS;
                        } else if (Character.isWhitespace(c)) {
                            state = State.IN_TAG;
                        } else if (c == '>' || c == '/') {
                            state = State.IN_TAG;
                            i--;
                            recent.setLength(recent.length() - 1);
                        }
                    }
                    case AFTER_EQUALS -> {
                        if (c == '"') {
                            state = State.VALUE_DOUBLE;
                        } else if (c == '\'') {
                            state = State.VALUE_SINGLE;
                        }
                    }
                    case VALUE_DOUBLE -> state = c == '"' ? State.IN_TAG : state;
                    case VALUE_SINGLE -> state = c == '\'' ? State.IN_TAG : state;
                    case END_TAG -> {
                        if (c == '>') {
                            depth = Math.max(0, depth - 1);
                            state = State.TEXT;
                        }
                    }
                    case COMMENT -> state = tail.endsWith("-->") ? State.TEXT : state;
                    case CDATA -> state = tail.endsWith("]]>") ? State.TEXT : state;
                    case INSTRUCTION -> state = tail.endsWith("?>") ? State.TEXT : state;
                    case DECLARATION -> state = c == '>' ? State.TEXT : state;
                    default -> throw new IllegalStateException("state not handled: " + state);
                }
            }
        }
        return contexts;
    }

    private static Context context(State state, int depth) {
        return switch (state) {
            case TEXT -> depth > 0 ? Context.CONTENT : Context.TOP;
            case VALUE_DOUBLE -> Context.ATTRIBUTE_DOUBLE;
            case VALUE_SINGLE -> Context.ATTRIBUTE_SINGLE;
            case CDATA -> Context.CDATA;
            case OPEN, BANG, TAG_NAME, ATTRIBUTE_NAME, END_TAG -> Context.NAME;
            case IN_TAG, AFTER_EQUALS -> Context.TAG;
            case COMMENT -> Context.COMMENT;
            case INSTRUCTION -> Context.INSTRUCTION;
            case DECLARATION -> Context.DECLARATION;
        };
    }
}
