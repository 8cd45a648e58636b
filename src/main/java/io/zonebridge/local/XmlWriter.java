package io.zonebridge.local;

import java.util.ArrayDeque;
import java.util.Deque;

/** Writes an AWS XML response document: XML declaration, namespaced root (Route 53's unless told), escaped text. */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n");
    private final Deque<String> open = new ArrayDeque<>();

    /** Starts a document whose root is {@code root} in the Route 53 namespace. */
    public XmlWriter(String root) {
        this(root, RequestXml.NAMESPACE);
    }

    /** Starts a document whose root is {@code root} in {@code namespace}. */
    public XmlWriter(String root, String namespace) {
        out.append('<').append(root).append(" xmlns=\"").append(namespace).append("\">");
        open.push(root);
    }

    /** Opens element {@code name}. */
    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Closes the innermost open element. */
    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Writes {@code <name>value</name>}, or nothing when value is null. */
    public XmlWriter element(String name, Object value) {
        if (value != null) {
            out.append('<').append(name).append('>').append(escape(String.valueOf(value)))
                    .append("</").append(name).append('>');
        }
        return this;
    }

    /** Closes every open element and returns the document. */
    public String finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
