/** The moderator's queue: read models for the desk and the one service that changes a comment's status. */
package org.moderato.moderation;
