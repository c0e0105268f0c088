package org.moderato.platform;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** A streaming reader for files people upload: no DTD, no external entity, namespaces on, text in one piece. */
public final class SafeXml {

    private SafeXml() {}

    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // text and CDATA sections arrive as one string: WordPress splits "]]>" across two CDATA sections
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    /** Skips the element just opened, with everything in it. */
    public static void skipElement(XMLStreamReader xml) throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("The file ends inside an element.", xml.getLocation());
            }
        }
    }

    /** The line the reader is at, for messages that say where a file broke; -1 when the parser does not know. */
    public static int line(XMLStreamReader xml) {
        return xml.getLocation() == null ? -1 : xml.getLocation().getLineNumber();
    }
}
