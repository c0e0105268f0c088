/**
 * Comments: the entity that guards its own status, what a reader submits (one set of constraints
 * for the form and any API), submission, the public read model and the author's signed preview link.
 */
package org.moderato.comment;
