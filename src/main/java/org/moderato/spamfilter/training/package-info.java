/**
 * Teaching the spam filter: it follows every committed status change (approved comments are the
 * good class, spam the bad one, trash neither) and can be rebuilt from every comment on demand or
 * after an import. Depends on {@code comment}; the filter itself ({@code spamfilter}) does not.
 */
package org.moderato.spamfilter.training;
