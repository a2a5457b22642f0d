package org.sakkaya.identity.boundary;

import static org.sakkaya.platform.Html.escape;
import static org.sakkaya.platform.Html.page;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Problem;

/**
 * A page that sets a password with a one-time link ({@code ?token=...}), for ministries with no front-end of their own:
 * it shows the address the link is for and asks for the password twice; the form is sent to the page itself and goes
 * through the same use case as the API's call, so the same rules refuse the same mistakes, each shown beside its field,
 * in Thai and English. A link that does not work is a 404 page saying what to do.
 */
abstract class PasswordPage extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_PASSWORD = 1000;

    /** The page's words, Thai first and English after in each. */
    record Words(String what, String action, String title, String button, String doneTitle, String done, String unusable) {
    }

    private final Words words;
    private final FormPage form;

    PasswordPage(Words words, String passwordLabel, String againLabel) {
        this.words = words;
        this.form = new FormPage(Map.of("password", passwordLabel, "passwordAgain", againLabel));
    }

    /** The address of the account the token is for, while it can be used; empty otherwise. */
    abstract Optional<String> addressFor(String token);

    /** Sets the password through the use case, which refuses what the API refuses (by throwing); the address to show. */
    abstract String complete(String token, String password);

    /** A page to read and a form to send: GET, HEAD and POST; anything else is a 405 naming them. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (FormPage.accepts(request, response, words.what())) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = FormPage.parameter(request, "token").strip();
        FormPage.guarded(response, () -> {
            Optional<String> email = usable(token);
            if (email.isEmpty()) {
                unusable(response);
                return;
            }
            form(response, token, email.get(), List.of());
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!FormPage.formReadable(request, response)) {
            return;
        }
        String token = FormPage.parameter(request, "token").strip();
        String password = FormPage.parameter(request, "password");
        String repeated = FormPage.parameter(request, "passwordAgain");
        List<FieldError> errors = new ArrayList<>(FormPage.givenTwice(request));
        FormPage.guarded(response, () -> {
            Optional<String> email = usable(token);
            if (email.isEmpty()) {
                unusable(response);
                return;
            }
            // a password not in UTF-8 is the password policy's to refuse, as for every way of setting one
            if (password.isEmpty()) {
                errors.add(new FieldError("password", "must not be empty"));
            } else if (password.length() > MAX_PASSWORD) {
                errors.add(new FieldError("password", "size must be between 0 and " + MAX_PASSWORD));
            } else if (!password.equals(repeated)) {
                errors.add(new FieldError("passwordAgain", "does not match the password"));
            }
            if (!errors.isEmpty()) {
                response.setStatus(400);
                form(response, token, email.get(), errors);
                return;
            }
            String address;
            try {
                address = escape(FormPage.readable(complete(token, password)));
            } catch (RuntimeException e) {
                Problem problem = FormPage.clientProblem(e);
                response.setStatus(problem.status());
                form(response, token, email.get(), FormPage.errorsOf(problem));
                return;
            }
            page(response, words.doneTitle(), "<p>" + words.done().replace("{address}", "<strong>" + address + "</strong>") + "</p>");
        });
    }

    private Optional<String> usable(String token) {
        return token.isEmpty() || token.length() > 100 ? Optional.empty() : addressFor(token);
    }

    private void unusable(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        page(response, "ลิงก์นี้ใช้ไม่ได้ / This link does not work", "<p>" + words.unusable() + "</p>");
    }

    private void form(HttpServletResponse response, String token, String email, List<FieldError> errors) throws IOException {
        String body = "<p>สำหรับ / For <strong>" + escape(FormPage.readable(email)) + "</strong></p>"
                + form.otherErrors(errors)
                + "<form method=\"post\" action=\"" + words.action() + "\" accept-charset=\"UTF-8\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + form.input("password", "password", "", MAX_PASSWORD, true, errors)
                + form.input("passwordAgain", "password", "", MAX_PASSWORD, true, errors)
                + "<p><button type=\"submit\">" + words.button() + "</button></p></form>";
        page(response, words.title(), body);
    }
}
