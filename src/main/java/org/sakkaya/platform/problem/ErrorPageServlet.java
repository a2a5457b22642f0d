package org.sakkaya.platform.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page of the web container (WEB-INF/web.xml) for the refusals that never reach JAX-RS, such as a path with
 * an encoded slash or a request the container cannot map: problem+json like every other error, not an HTML page.
 * Found by the malformed-request corpus (ids such as {@code ..%2F..%2Fetc%2Fpasswd} got Payara's HTML pages, and a
 * PATCH to one a 501).
 */
@WebServlet("/problem-page")
public class ErrorPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : 404;
        Object servlet = request.getAttribute(RequestDispatcher.ERROR_SERVLET_NAME);
        if ((servlet == null || "default".equals(servlet)) && (status == 403 || status == 405 || status == 501)) {
            // the container's static-file servlet refusing a PUT or PATCH to an address no application code serves
            // (an encoded slash in an id, say): there is nothing there, whatever the method
            status = 404;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 406 -> "Not acceptable";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Content too large";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "invalid-token";
            case 406 -> "not-acceptable";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "too-large";
            default -> status >= 500 ? "internal" : "http-" + status;
        };
        String detail = switch (status) {
            // Payara's token mechanism refuses a token it cannot verify (expired, not signed by this server, altered)
            // before anything of Sakkaya runs, on every address, sign-in included
            case 401 -> "The bearer token is not valid (expired, or not issued by this server): sign in again, "
                    + "sending no Authorization header to /api/v1/auth/token";
            default -> "The server could not take this request as it is";
        };
        response.setStatus(status);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:sakkaya:problem:" + slug + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
