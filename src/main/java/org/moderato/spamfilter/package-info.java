/**
 * The site's own spam filter: a naive Bayes text classifier in the style of SpamBayes and bogofilter
 * (Robinson's per-feature probabilities, Fisher's chi-square combining), trained on this site's
 * moderators' decisions. Pure Java at its root (tokenizer, model, arithmetic) plus the table that
 * stores the counts; it depends on no other feature, so the rules can use it without a cycle.
 */
package org.moderato.spamfilter;
