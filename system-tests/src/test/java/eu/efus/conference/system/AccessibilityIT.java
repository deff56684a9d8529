package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Every page of the web application audited with axe-core (WCAG 2.0 and 2.1, levels A and AA, and best practices), in
 * French and in English, in headless Chromium on the stack started as {@code ./run.sh} starts it: the public pages, the
 * private pages opened from the emailed links (the cancellation waiting for its confirmation among them), the
 * unknown event's 404 page, the registration form showing its errors, and the staff pages signed in (the check-in desk
 * showing an answer among them).
 * A page fails on any serious or critical violation; moderate and minor ones are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    private static final String EVENT = "SDC-BRUSSELS";
    private static final String SESSION = "W-DRUGS";
    private static final String PRESS_OFFICER = basic("press-officer", "demo-press");

    private Stack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = new Stack(Path.of("target", "accessibility-data-" + System.currentTimeMillis()).toAbsolutePath()).start(Map.of());
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    // --- public pages -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "/ in {0}")
    @ValueSource(strings = {"fr", "en"})
    void eventList(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/");
            visible(b, "a[data-test='event-link'][data-code='" + EVENT + "']");
            audit(b, "/", lang);
        }
    }

    @ParameterizedTest(name = "/events/SDC-BRUSSELS in {0}")
    @ValueSource(strings = {"fr", "en"})
    void eventPage(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/events/" + EVENT);
            visible(b, "li[data-test='session'][data-session='" + SESSION + "']");
            visible(b, "a[data-test='register-link']");
            audit(b, "/events/" + EVENT, lang);
        }
    }

    @ParameterizedTest(name = "/events/NOPE (unknown event, 404) in {0}")
    @ValueSource(strings = {"fr", "en"})
    void unknownEventPage(String lang) throws Exception {
        assertThat(Http.call(stack.gateway(), "GET", "/events/NOPE", null).status()).isEqualTo(404);
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/events/NOPE");
            visible(b, "[data-test='not-found']");
            audit(b, "/events/NOPE (404)", lang);
        }
    }

    @ParameterizedTest(name = "/events/SDC-BRUSSELS/register sent empty in {0}")
    @ValueSource(strings = {"fr", "en"})
    void registrationFormWithItsErrors(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/events/" + EVENT + "/register");
            visible(b, "#registration-form");
            visible(b, "input[data-session='" + SESSION + "']");
            until(b, "the list of countries", d -> d.findElements(By.cssSelector("#country option")).size() > 1);
            click(b, "[data-test='submit']");
            visible(b, "#error-summary");
            visible(b, "#firstName-error");
            audit(b, "/events/" + EVENT + "/register (sent empty: error summary and field errors)", lang);
        }
    }

    @ParameterizedTest(name = "/events/SDC-BRUSSELS/registered in {0}")
    @ValueSource(strings = {"fr", "en"})
    void registeredPage(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/events/" + EVENT + "/register");
            visible(b, "#registration-form");
            visible(b, "input[data-session='" + SESSION + "']");
            type(b, "firstName", "Ana");
            type(b, "lastName", "Example");
            type(b, "email", email("registered-" + lang));
            type(b, "organisation", "City of Ghent");
            select(b, "country", "BE");
            select(b, "category", "LOCAL_AUTHORITY");
            select(b, "language", lang);
            tick(b, "input[data-session='" + SESSION + "']");
            tick(b, "#privacyPolicy");
            click(b, "[data-test='submit']");
            until(b, "the confirmation page", ExpectedConditions.urlContains("/registered"));
            visible(b, "[data-test='registration-status']");
            visible(b, "li[data-test='session-status'][data-session='" + SESSION + "']");
            audit(b, "/events/" + EVENT + "/registered", lang);
        }
    }

    @ParameterizedTest(name = "/press in {0}")
    @ValueSource(strings = {"fr", "en"})
    void pressEventChoice(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/press");
            visible(b, "li[data-test='press-event'][data-code='" + EVENT + "'] a[data-test='press-event-link']");
            audit(b, "/press", lang);
        }
    }

    @ParameterizedTest(name = "/events/SDC-BRUSSELS/press in {0}")
    @ValueSource(strings = {"fr", "en"})
    void pressAccreditationForm(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/events/" + EVENT + "/press");
            visible(b, "#accreditation-form");
            visible(b, "[data-test='event-title']");
            until(b, "the lists of countries and media types", d -> d.findElements(By.cssSelector("#country option")).size() > 1
                    && d.findElements(By.cssSelector("#mediaType option")).size() > 1);
            audit(b, "/events/" + EVENT + "/press", lang);
        }
    }

    @ParameterizedTest(name = "/privacy in {0}")
    @ValueSource(strings = {"fr", "en"})
    void privacyNotice(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/privacy");
            until(b, "the heading", d -> !d.findElement(By.id("title")).getText().isBlank());
            audit(b, "/privacy", lang);
        }
    }

    // --- the pages of the emailed private links ---------------------------------------------------------------------

    @ParameterizedTest(name = "/manage (emailed link) in {0}")
    @ValueSource(strings = {"fr", "en"})
    void managePageFromTheEmailedLink(String lang) throws Exception {
        String address = email("manage-" + lang);
        register(address, lang);
        String link = awaitMail(address, 1).manageLink();
        try (Browser b = open(lang)) {
            b.driver.get(link);
            visible(b, "[data-test='registration-status'][data-status='CONFIRMED']");
            visible(b, "li[data-test='session-status'][data-session='" + SESSION + "']");
            visible(b, "#cancel");
            audit(b, "/manage#id=…&token=…", lang);
        }
    }

    @ParameterizedTest(name = "/manage (emailed link) asking to confirm the cancellation in {0}")
    @ValueSource(strings = {"fr", "en"})
    void managePageWithTheCancelConfirmationOpen(String lang) throws Exception {
        String address = email("confirm-" + lang);
        register(address, lang);
        String link = awaitMail(address, 1).manageLink();
        try (Browser b = open(lang)) {
            b.driver.get(link);
            visible(b, "[data-test='registration-status'][data-status='CONFIRMED']");
            click(b, "#cancel");
            visible(b, "[data-test='cancel-confirm']");
            visible(b, "#cancel-yes");
            visible(b, "#cancel-no");
            assertThat(b.driver.findElement(By.id("cancel")).getAttribute("aria-expanded")).isEqualTo("true");
            audit(b, "/manage#id=…&token=… (the cancellation to confirm)", lang);
        }
    }

    @ParameterizedTest(name = "/accreditation (emailed link, question to answer) in {0}")
    @ValueSource(strings = {"fr", "en"})
    void accreditationPageFromTheEmailedLinkWithAQuestionToAnswer(String lang) throws Exception {
        String journalist = email("journalist-" + lang);
        String id = requestAccreditation(journalist, lang);
        String link = accreditationLink(awaitMail(journalist, 1));
        String token = link.replaceAll(".*token=([^&]+).*", "$1");
        Response asked = Http.call(stack.gateway(), "POST", "/api/accreditations/" + id + "/decision",
                "{\"decision\":\"NEEDS_INFO\",\"reason\":\"Which sessions will you cover?\"}", "Authorization", PRESS_OFFICER);
        assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "NEEDS_INFO".equals(Http.call(stack.gateway(), "GET",
                "/api/accreditations/" + id, null, "X-Manage-Token", token).text("status")));
        try (Browser b = open(lang)) {
            b.driver.get(link);
            visible(b, "#accreditation");
            until(b, "the press office's question", d -> !d.findElement(By.id("question")).getText().isBlank());
            visible(b, "#answer-input");
            visible(b, "#withdraw");
            audit(b, "/accreditation#id=…&token=… (a question to answer)", lang);
        }
    }

    // --- staff pages ------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "/staff/login in {0}")
    @ValueSource(strings = {"fr", "en"})
    void staffSignIn(String lang) throws Exception {
        try (Browser b = open(lang)) {
            b.driver.get(stack.gateway() + "/staff/login");
            visible(b, "#username");
            visible(b, "[data-test='sign-in']");
            audit(b, "/staff/login", lang);
        }
    }

    @ParameterizedTest(name = "/staff/organizer in {0}")
    @ValueSource(strings = {"fr", "en"})
    void organizerDashboard(String lang) throws Exception {
        String address = email("attendee-" + lang);
        register(address, lang);
        awaitMail(address, 1);
        try (Browser b = open(lang)) {
            signIn(b, "organizer", "demo-organizer");
            until(b, "the organiser dashboard after signing in", ExpectedConditions.urlContains("/staff/organizer"));
            visible(b, "[data-test='event-row'][data-code='" + EVENT + "'] [data-test='session-fill']");
            select(b, "attendee-event", EVENT);
            visible(b, "[data-test='attendee-row']");
            type(b, "ledger-email", address);
            click(b, "[data-test='ledger-search']");
            visible(b, "[data-test='ledger-row']");
            click(b, "[data-test='new-event']");
            visible(b, "#event-form-section");
            audit(b, "/staff/organizer (events, attendees, email deliveries, the new event form)", lang);
        }
    }

    @ParameterizedTest(name = "/staff/press with a request open in {0}")
    @ValueSource(strings = {"fr", "en"})
    void pressDeskWithARequestOpen(String lang) throws Exception {
        String id = requestAccreditation(email("desk-" + lang), lang);
        try (Browser b = open(lang)) {
            signIn(b, "press-officer", "demo-press");
            until(b, "the press desk after signing in", ExpectedConditions.urlContains("/staff/press"));
            b.driver.get(stack.gateway() + "/staff/press?event=" + EVENT);
            until(b, "the event filter set to " + EVENT,
                    d -> EVENT.equals(js(d, "return document.getElementById('event-filter').value")));
            click(b, "[data-test='request-row'][data-id='" + id + "']");
            visible(b, "#details[data-id='" + id + "']");
            visible(b, "#history [data-test='history-entry']");
            visible(b, "[data-test='approve']");
            audit(b, "/staff/press (a request open in the details panel)", lang);
        }
    }

    @ParameterizedTest(name = "/staff/checkin with an answer shown in {0}")
    @ValueSource(strings = {"fr", "en"})
    void checkInDeskWithAnAnswer(String lang) throws Exception {
        String address = email("desk-" + lang);
        register(address, lang);
        String code = awaitMail(address, 1).checkInCode();
        try (Browser b = open(lang)) {
            signIn(b, "checkin", "demo-checkin");
            until(b, "the check-in desk after signing in", ExpectedConditions.urlContains("/staff/checkin"));
            b.driver.get(stack.gateway() + "/staff/checkin?event=" + EVENT);
            visible(b, "[data-test='roster-status'][data-event='" + EVENT + "']");
            until(b, "the sessions of " + EVENT, d -> d.findElements(By.cssSelector("#checkin-session option")).size() > 1);
            b.driver.findElement(By.id("code")).sendKeys(code + Keys.ENTER);
            visible(b, "[data-test='answer'][data-outcome='admitted']");
            audit(b, "/staff/checkin (a person just admitted)", lang);
            b.driver.findElement(By.id("code")).sendKeys("AAAA-BBBB-CCCC-DDDD" + Keys.ENTER);
            visible(b, "[data-test='answer'][data-outcome='refused']");
            audit(b, "/staff/checkin (a code refused)", lang);
        }
    }

    @ParameterizedTest(name = "403 page (organizer on /staff/press) in {0}")
    @ValueSource(strings = {"fr", "en"})
    void notAvailableWithYourRole(String lang) throws Exception {
        try (Browser b = open(lang)) {
            signIn(b, "organizer", "demo-organizer");
            until(b, "the organiser dashboard after signing in", ExpectedConditions.urlContains("/staff/organizer"));
            b.driver.get(stack.gateway() + "/staff/press");
            visible(b, "#forbidden");
            audit(b, "/staff/press as an organizer (403)", lang);
        }
    }

    // --- the audit itself -------------------------------------------------------------------------------------------

    /**
     * The audit works under the site's Content-Security-Policy and fails a page with an image without a text
     * alternative and a field without a label.
     */
    @Test
    void theAuditFailsAPageWithAnImageWithoutTextAlternativeAndAFieldWithoutLabel() throws Exception {
        assertThat(Http.call(stack.gateway(), "GET", "/privacy", null).headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
        try (Browser b = open("en")) {
            b.driver.get(stack.gateway() + "/privacy");
            visible(b, "main");
            js(b.driver, """
                    const main = document.querySelector('main');
                    const image = document.createElement('img');
                    image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
                    image.id = 'unlabelled-image';
                    const field = document.createElement('input');
                    field.type = 'text';
                    field.id = 'unlabelled-field';
                    main.append(image, field);
                    """);
            assertThatThrownBy(() -> audit(b, "/privacy with an image without alt and a field without label", "en"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt [critical]").hasMessageContaining("at #unlabelled-image")
                    .hasMessageContaining("label [critical]").hasMessageContaining("at #unlabelled-field")
                    .hasMessageContaining("<input type=\"text\" id=\"unlabelled-field\">");
            Accessibility.Report report = Accessibility.audit(b.driver);
            assertThat(report.blocking()).extracting(Accessibility.Violation::id).contains("image-alt", "label");
            assertThat(report.passed()).contains("document-title", "html-has-lang", "color-contrast");
        }
    }

    /**
     * Waits until the page shows {@code lang} (and its language switch marks it), checks {@code <html lang>}, runs axe,
     * prints every violation and fails on the serious and critical ones.
     */
    private void audit(Browser b, String page, String lang) throws Exception {
        until(b, "the page in " + lang, d -> "complete".equals(js(d, "return document.readyState")) && Boolean.TRUE.equals(js(d, """
                const lang = arguments[0];
                const current = document.querySelectorAll('[data-lang][aria-pressed="true"], '
                  + '[data-lang][aria-current]:not([aria-current="false"])');
                return document.documentElement.lang === lang && Array.from(current).every((e) => e.dataset.lang === lang);
                """, lang)));
        assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).as("<html lang> of " + page).isEqualTo(lang);
        Accessibility.Report report = Accessibility.audit(b.driver);
        String where = page + " [" + lang + "] " + report.url();
        System.out.println("axe-core " + Accessibility.AXE_VERSION + " on " + where + ": " + report.blocking().size()
                + " serious/critical, " + report.others().size() + " moderate/minor violation(s), "
                + report.passed().size() + " rules passed; to review by hand: " + report.incomplete());
        if (!report.others().isEmpty()) {
            System.out.println("Moderate/minor on " + where + ":" + Accessibility.describe(report.others()));
        }
        if (!report.blocking().isEmpty()) {
            b.screenshot("accessibility-" + page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "") + "-" + lang);
            throw new AssertionError("Serious/critical accessibility violations (axe-core " + Accessibility.AXE_VERSION
                    + ", " + String.join(" ", Accessibility.TAGS) + ") on " + where + ":"
                    + Accessibility.describe(report.blocking()));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private static Browser open(String lang) throws Exception {
        return Browser.open(lang, 1280, 1000);
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits for {@code condition}; when it never comes, says what the page showed instead (its address, its status and
     * alert messages) and saves a screenshot.
     */
    private static <T> T until(Browser b, String what, Function<? super WebDriver, T> condition) {
        try {
            // Pages re-render parts of themselves while loading: an element found a moment ago may be replaced.
            return b.wait.ignoring(StaleElementReferenceException.class).until(condition);
        } catch (TimeoutException e) {
            String url = b.driver.getCurrentUrl();
            Object messages = js(b.driver, "return Array.from(document.querySelectorAll('[role=status], [role=alert]'))"
                    + ".map((e) => e.textContent.trim()).filter((t) => t).join(' | ')");
            String shot;
            try {
                shot = b.screenshot("accessibility-timeout-" + System.currentTimeMillis()).toString();
            } catch (Exception failed) {
                shot = "none (" + failed + ")";
            }
            throw new AssertionError("Waited in vain for " + what + " on " + url.replaceAll("#.*", "#…") + "; messages: "
                    + messages + "; screenshot: " + shot, e);
        }
    }

    private static WebElement visible(Browser b, String css) {
        return until(b, css, ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void type(Browser b, String id, String text) {
        WebElement input = b.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void select(Browser b, String id, String value) {
        until(b, "the option " + value + " of #" + id, d -> {
            new Select(d.findElement(By.id(id))).selectByValue(value);
            return true;
        });
    }

    private static void tick(Browser b, String css) {
        WebElement box = b.driver.findElement(By.cssSelector(css));
        if (!box.isSelected()) {
            js(b.driver, "arguments[0].scrollIntoView({block:'center'})", box);
            box.click();
        }
    }

    private static void click(Browser b, String css) {
        WebElement element = until(b, css + " (clickable)", ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        js(b.driver, "arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
    }

    private void signIn(Browser b, String username, String password) {
        b.driver.get(stack.gateway() + "/staff/login");
        type(b, "username", username);
        type(b, "password", password);
        click(b, "[data-test='sign-in']");
    }

    private void register(String address, String lang) throws Exception {
        Response created = Http.call(stack.gateway(), "POST", "/api/events/" + EVENT + "/registrations", """
                {"firstName":"Ana","lastName":"Example","email":"%s","organisation":"City of Ghent","country":"BE",
                 "category":"LOCAL_AUTHORITY","language":"%s","sessions":["%s"],"dietaryRequirements":null,
                 "accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(address, lang, SESSION), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    private String requestAccreditation(String journalist, String lang) throws Exception {
        Response requested = Http.call(stack.gateway(), "POST", "/api/events/" + EVENT + "/accreditations", """
                {"firstName":"Marc","lastName":"Example","email":"%s","mediaOutlet":"Le Quotidien","mediaType":"PRINT",
                 "country":"BE","language":"%s","pressCardNumber":"BE-4242","coverageNotes":"Report on the field visits"}
                """.formatted(journalist, lang), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(requested.status()).as(requested.raw()).isEqualTo(202);
        return requested.text("id");
    }

    private Mailbox.Mail awaitMail(String address, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Mailbox.read(stack.imapPort(), address), mails -> mails.size() >= count).get(count - 1);
    }

    private static String accreditationLink(Mailbox.Mail mail) {
        Matcher m = Pattern.compile("(https?://\\S+/accreditation#id=[A-Za-z0-9_-]+&token=[A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(m.find()).as("private link in: " + mail.text()).isTrue();
        return m.group(1);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
