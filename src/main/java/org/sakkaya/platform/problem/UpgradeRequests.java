package org.sakkaya.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * An HTTP/1.1 request that asks to switch protocols ({@code Upgrade}) and carries a body is answered 400 at once,
 * without reading the body. Grizzly hands the body of such a request to nobody: the first read of it waited 30 s for
 * bytes that never came and the request failed with 500, holding one of the request threads meanwhile (64 requests of
 * a few bytes every 30 s, from anyone, held all of them). The one upgrade Payara offers, to HTTP/2 ({@code h2c}), it
 * makes before this filter: such a request arrives here as HTTP/2 with its body. The connection is closed after the
 * answer, as the unread body is still on it. Mapped first, on every path, in WEB-INF/web.xml.
 */
public class UpgradeRequests extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (request.getHeader("Upgrade") != null && request.getProtocol().startsWith("HTTP/1") && hasBody(request)) {
            response.setHeader("Connection", "close");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Problem.of(400, "bad-request", "Bad request", "This service does not switch protocols for a request with a body: "
                            + "send it without the Upgrade header")
                    .withErrors(List.of(new FieldError("Upgrade", "is not supported with a request body"))).send(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }
}
