package org.moderato.report.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.moderato.report.TransparencyReport;

/**
 * The transparency figures as CSV (RFC 4180, one figure a row: section, item, value), for the same
 * period as the page. Under {@code /moderation/*}, so staff only; the report's service checks the role again.
 */
@WebServlet("/moderation-transparency.csv")
public class TransparencyCsv extends HttpServlet {

    @Inject
    TransparencyReport report;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        TransparencyPage.Period period = TransparencyPage.Period.of(request.getParameter("from"), request.getParameter("to"));
        TransparencyReport.Figures figures = report.figures(period.from(), period.to());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"transparency-" + period.from() + "-" + period.to() + ".csv\"");
        PrintWriter out = response.getWriter();
        out.print("section,item,value\r\n");
        for (List<String> row : figures.rows()) {
            out.print(row.stream().map(TransparencyCsv::field).collect(Collectors.joining(",")) + "\r\n");
        }
    }

    static String field(String value) {
        return value.matches("[\\w .:-]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
