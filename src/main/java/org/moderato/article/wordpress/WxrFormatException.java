package org.moderato.article.wordpress;

import jakarta.ejb.ApplicationException;
import javax.xml.stream.XMLStreamException;

/** The file is not a WordPress export, or is broken at {@link #line()}; nothing from it is stored. */
@ApplicationException(rollback = true)
public class WxrFormatException extends RuntimeException {

    private final int line;

    public WxrFormatException(String problem, int line) {
        super(line > 0 ? "Line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** A parser's complaint about a file that is not well-formed XML, with its line. */
    public static WxrFormatException notWellFormed(XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int at = message.indexOf("Message: ");
        String problem = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
        return new WxrFormatException("The file is not well-formed XML, so it cannot be imported: " + problem.strip(), line);
    }

    /** 1-based line number where reading stopped, or -1 when unknown. */
    public int line() {
        return line;
    }
}
