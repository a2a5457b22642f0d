package org.sakkaya.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The few HTML pages Sakkaya serves itself (verification, registration): one frame, and text escaped. */
public final class Html {
    /** Nothing loads but the page's own style; its forms go back to Sakkaya; no other site may frame it. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'";
    private static final String STYLE = "body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}dt{font-weight:bold}"
            + "input[type=text],input[type=password]{width:100%;max-width:30em}.error{color:#a00}";

    private Html() {
    }

    /** Writes a Thai page with this title (escaped here) and body (HTML, its values escaped by the caller). */
    public static void page(HttpServletResponse response, String title, String body) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Security-Policy", POLICY);
        response.getWriter().write("<!DOCTYPE html><html lang=\"th\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>" + STYLE + "</style></head><body><h1>" + escape(title) + "</h1>" + body + "</body></html>");
    }

    /** The text as HTML text or as an attribute's value in double or single quotes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
