package org.moderato.article;

import jakarta.ejb.ApplicationException;

/** A save the service will not make (slug taken, edited meanwhile, ...); nothing is stored. */
@ApplicationException(rollback = true)
public class ArticleRefused extends RuntimeException {

    private final String field;

    /** {@code field} is the form field the message belongs beside, or null for the whole form. */
    public ArticleRefused(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
