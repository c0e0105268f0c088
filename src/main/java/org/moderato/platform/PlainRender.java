package org.moderato.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain form's refused post as Faces should see it when a door forwards it to a page: a page to
 * render, not a postback (the view state a stateless view writes is not read back).
 */
public final class PlainRender extends HttpServletRequestWrapper {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    public PlainRender(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        return VIEW_STATE.equals(name) ? null : super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
        parameters.remove(VIEW_STATE);
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return VIEW_STATE.equals(name) ? null : super.getParameterValues(name);
    }
}
