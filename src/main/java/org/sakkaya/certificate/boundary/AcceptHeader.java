package org.sakkaya.certificate.boundary;

/** How the verification page, a servlet outside JAX-RS, reads {@code Accept}. */
final class AcceptHeader {
    private AcceptHeader() {
    }

    /**
     * JSON when {@code Accept} rates {@code application/json} at least as high as the page ({@code text/html}, which
     * browsers name; a wildcard alone does not compete): media types read without case, {@code q=0} refusing.
     * {@code Application/JSON} was answered with the page, and {@code application/json;q=0, text/html} with JSON.
     */
    static boolean wantsJson(String accept) {
        if (accept == null) {
            return false;
        }
        double json = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(java.util.Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException notANumber) {
                        q = 0;
                    }
                }
            }
            if (type.equals("application/json")) {
                json = Math.max(json, q);
            } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            }
        }
        return json > 0 && json >= html;
    }
}
