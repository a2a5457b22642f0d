package org.sakkaya.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers to a request that carries credentials are someone's own business (a person's record, their grades, a
 * cohort's gradebook): no browser, proxy or shared computer in a training room may keep a copy. Every such answer of
 * the API is {@code Cache-Control: no-store} unless its resource says otherwise, and every answer of the API is
 * {@code nosniff}. Mapped first on {@code /api/v1/*} in WEB-INF/web.xml, so that the filters after it (a refused token,
 * an answer replayed for an {@code Idempotency-Key}) and JAX-RS inherit the defaults; a header the answer sets itself
 * replaces them (Jersey writes its headers with {@code setHeader} over ones already set).
 */
public class PrivateAnswersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (request.getHeader("Authorization") != null) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
