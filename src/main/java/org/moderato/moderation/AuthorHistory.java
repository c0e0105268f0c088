package org.moderato.moderation;

/** How an author's comments (recognised by the blind index of their address) stand, this one included. */
public record AuthorHistory(long approved, long pending, long spam, long trash) {

    public static final AuthorHistory NONE = new AuthorHistory(0, 0, 0, 0);

    public long held() {
        return pending;
    }
}
