/**
 * The check pipeline that decides what happens to a submission. Checks are plain Java: they see the
 * submission and its context, never HTTP or Faces, and return a verdict with a readable reason.
 */
package org.moderato.rules;
