package org.moderato.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api} (resources in the features' {@code api/} folders, found by scanning).
 * No session, no Faces: a reader's browser on another site talks to it with {@code fetch}.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {}
