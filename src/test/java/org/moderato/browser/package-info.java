/**
 * Browser tests: real headless Chromium against the real server ({@link org.moderato.testing.ModeratoServer}).
 *
 * <p>{@link org.moderato.browser.Browser} starts Debian's Chromium through Debian's chromedriver (no Selenium
 * Manager, no downloads, nothing off loopback); {@link org.moderato.browser.Browsers} gives a test fresh browsers,
 * one per role, saves a screenshot and the page source of each to {@code target/it-logs/browser/} when the test
 * fails, and closes them afterwards. The page objects ({@link org.moderato.browser.FrontPage},
 * {@link org.moderato.browser.ArticlePage}, {@link org.moderato.browser.LoginPage},
 * {@link org.moderato.browser.ModerationPage}) check in their constructors that the browser shows their page,
 * wait explicitly, find elements by the pages' stable ids, and return the next page from each action.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && mvn -B verify -Dit.test=CommentJourneyIT -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
package org.moderato.browser;
