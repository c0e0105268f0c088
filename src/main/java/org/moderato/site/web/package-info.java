/** {@code /admin/sites}: the admin's list of sites that embed threads, and the snippet each pastes. */
package org.moderato.site.web;
