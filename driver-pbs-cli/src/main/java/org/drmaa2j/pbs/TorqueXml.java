// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.pbs;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads Torque's {@code qstat -x} XML: {@code <Data><Job><Job_Id>…</Job_Id>…</Job></Data>}, nested
 * elements flattened to dotted keys ({@code Resource_List.nodes}), the same keys as the text and
 * JSON formats. Torque prints one {@code <Data>} document per job id asked for; they are read
 * together. Document type declarations are refused.
 */
final class TorqueXml {
    private TorqueXml() {
    }

    /**
     * @param text command output
     * @return attributes by job id, in output order
     * @throws IllegalArgumentException when the text is not XML
     */
    static Map<String, Map<String, String>> parse(String text) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        int start = text.indexOf('<');
        if (start < 0) return out;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            String documents = text.substring(start).replaceAll("<\\?xml[^>]*\\?>", "");
            Element root = b.parse(new InputSource(new StringReader("<Output>" + documents + "</Output>"))).getDocumentElement();
            NodeList jobs = root.getElementsByTagName("Job");
            for (int n = 0; n < jobs.getLength(); n++) {
                Map<String, String> attrs = new LinkedHashMap<>();
                flatten("", (Element) jobs.item(n), attrs);
                String id = attrs.remove("Job_Id");
                if (id != null) out.put(id.trim(), attrs);
            }
            return out;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not Torque qstat XML: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, Element e, Map<String, String> out) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element child)) continue;
            String key = prefix + child.getTagName();
            if (hasElementChildren(child)) {
                if (!key.equals("Variable_List")) flatten(key + ".", child, out);
            } else {
                out.put(key, child.getTextContent().trim());
            }
        }
    }

    private static boolean hasElementChildren(Element e) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element) return true;
        }
        return false;
    }
}
