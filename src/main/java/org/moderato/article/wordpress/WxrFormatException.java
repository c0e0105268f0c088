package org.moderato.article.wordpress;

import jakarta.ejb.ApplicationException;

/** The file is not a WordPress export, or is broken at {@link #line()}; nothing from it is stored. */
@ApplicationException(rollback = true)
public class WxrFormatException extends RuntimeException {

    private final int line;

    public WxrFormatException(String problem, int line) {
        super(line > 0 ? "Line " + line + ": " + problem : problem);
        this.line = line;
    }

    /** 1-based line number where reading stopped, or -1 when unknown. */
    public int line() {
        return line;
    }
}
