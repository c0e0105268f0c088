/**
 * The report feature's pages: the readers' ones ({@code /report}, {@code /notice}, {@code /statement})
 * are stateless Faces views whose forms post to {@link org.moderato.report.web.ReportDoor}, a plain
 * filter, so no reader ever gets a session; the staff ones ({@code /moderation-reported},
 * {@code /moderation-transparency} and its CSV) sit under the moderators' security constraint.
 */
package org.moderato.report.web;
