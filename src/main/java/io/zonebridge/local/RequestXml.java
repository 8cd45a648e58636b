package io.zonebridge.local;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A Route 53 request body parsed to DOM, with the XSD-style errors Route 53 gives for bad documents
 * ({@code InvalidInput "Invalid XML ; ..."}, {@code MalformedInput} for a wrong root element).
 */
public final class RequestXml {
    static final String NAMESPACE = "https://route53.amazonaws.com/doc/2013-04-01/";

    private RequestXml() {
    }

    /** Parses {@code body} and checks that its root element is {@code expectedRoot}. */
    public static Element parse(byte[] body, String expectedRoot) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            root = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (SAXException e) {
            throw ServiceException.invalidInput("Invalid XML ; " + e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw ServiceException.invalidInput("Invalid XML ; " + e);
        }
        String rootName = localName(root);
        if (!rootName.equals(expectedRoot)) {
            throw new ServiceException(400, "MalformedInput",
                    rootName + " is not valid, expected " + expectedRoot);
        }
        return root;
    }

    private static String localName(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    /** The first child element called {@code name}, or null. */
    public static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** All child elements called {@code name}, in document order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /** The text of child {@code name}, or null when absent. */
    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    /** The child {@code name}; missing, it is the XSD "content not complete" error. */
    public static Element required(Element parent, String name) {
        Element e = child(parent, name);
        if (e == null) {
            throw incomplete(parent, name);
        }
        return e;
    }

    /** The text of required child {@code name}. */
    public static String requiredText(Element parent, String name) {
        return required(parent, name).getTextContent();
    }

    /** Route 53's XSD error for a missing element. */
    public static ServiceException incomplete(Element parent, String missing) {
        return ServiceException.invalidInput("Invalid XML ; cvc-complex-type.2.4.b: The content of element '"
                + localName(parent) + "' is not complete. One of '{\"" + NAMESPACE + "\":" + missing
                + "}' is expected.");
    }

    /** Route 53's XSD error for a value outside an enumeration. */
    public static ServiceException notInEnumeration(String value, List<String> allowed) {
        return ServiceException.invalidInput("Invalid XML ; cvc-enumeration-valid: Value '" + value
                + "' is not facet-valid with respect to enumeration '" + allowed
                + "'. It must be a value from the enumeration.");
    }

    /** Parses a bounded integer element value, failing as the XSD would. */
    public static Long boundedLong(String value, String element, long min, long max) {
        if (value == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ServiceException.invalidInput("Invalid XML ; cvc-datatype-valid.1.2.1: '" + value
                    + "' is not a valid value for 'integer'.");
        }
        if (parsed < min) {
            throw ServiceException.invalidInput("Invalid XML ; cvc-minInclusive-valid: Value '" + value
                    + "' is not facet-valid with respect to minInclusive '" + min + "' for type '" + element + "'.");
        }
        if (parsed > max) {
            throw ServiceException.invalidInput("Invalid XML ; cvc-maxInclusive-valid: Value '" + value
                    + "' is not facet-valid with respect to maxInclusive '" + max + "' for type '" + element + "'.");
        }
        return parsed;
    }
}
