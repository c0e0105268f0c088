/** The dashboard page, {@code /admin/}. */
package org.moderato.dashboard.web;
