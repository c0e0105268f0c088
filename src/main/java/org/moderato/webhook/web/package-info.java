/** The admin page of webhooks. */
package org.moderato.webhook.web;
