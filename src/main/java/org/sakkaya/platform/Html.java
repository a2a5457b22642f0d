package org.sakkaya.platform;

/** Text printed into the few HTML pages Sakkaya serves itself (verification, registration), escaped. */
public final class Html {
    private Html() {
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
