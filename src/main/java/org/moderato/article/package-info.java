/** Articles: what readers read and comment on. Owns the article entity and the front-page listing. */
package org.moderato.article;
