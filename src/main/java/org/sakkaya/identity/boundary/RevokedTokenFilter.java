package org.sakkaya.identity.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.sakkaya.identity.control.TokenIssuer;
import org.sakkaya.identity.control.TokenRevocations;
import org.sakkaya.platform.problem.Problem;

/**
 * Refuses a bearer token whose account has ended its sessions since it was issued (a sign-out, a password change or
 * reset, a role or organisation change, an erasure): 401, as for an expired token. Mapped on {@code /api/v1/*} in
 * WEB-INF/web.xml before every filter but the one that sets defaults for every answer. Signing in and accepting an invitation, which do not use the caller's token, are not refused
 * for carrying an old one.
 */
public class RevokedTokenFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Set<String> TOKEN_NOT_USED = Set.of("/api/v1/auth/token", "/api/v1/auth/invitations/accept");

    @Inject
    transient TokenRevocations revocations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null
                && revocations.refuses(token.getSubject(), generation(token))
                && !TOKEN_NOT_USED.contains(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"the session has ended\"");
            response.setHeader("Cache-Control", "no-store");
            Problem.of(401, "session-ended", "Unauthorized",
                    "This token's session has ended (signed out, password or roles changed): sign in again").send(response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The token's generation; a token issued before generations carries none, which is the first. */
    static int generation(JsonWebToken token) {
        Object claim = token.getClaim(TokenIssuer.GENERATION_CLAIM);
        if (claim instanceof JsonNumber number) {
            return number.intValue();
        }
        if (claim instanceof Number number) {
            return number.intValue();
        }
        return 0;
    }
}
