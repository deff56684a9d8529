package eu.efus.conference.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import eu.efus.conference.testsupport.Http;
import eu.efus.conference.testsupport.Http.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The journeys of the web application in Debian's headless Chromium, on the stack started as {@code ./run.sh}
 * starts it: what participants, journalists, press officers and organisers do with their browser, and the emails they
 * get (read over IMAP), and the check-in desk at the door, online and offline. Each journey's last page is saved under
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneysIT {

    private static final String ORGANIZER = "Basic " + Base64.getEncoder()
            .encodeToString("organizer:demo-organizer".getBytes(StandardCharsets.UTF_8));
    private static final String CHECKIN = "Basic " + Base64.getEncoder()
            .encodeToString("checkin:demo-checkin".getBytes(StandardCharsets.UTF_8));

    private static final java.time.ZoneId BRUSSELS = java.time.ZoneId.of("Europe/Brussels");

    private Stack stack;

    private static String at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(BRUSSELS).toOffsetDateTime().toString();
    }

    @BeforeAll
    void startStack() throws Exception {
        stack = new Stack(Path.of("target", "browser-data-" + System.currentTimeMillis()).toAbsolutePath()).start(Map.of());
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private WebElement visible(Browser b, String css) {
        return b.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void type(Browser b, String id, String text) {
        WebElement input = b.driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private void select(Browser b, String id, String value) {
        new Select(b.driver.findElement(By.id(id))).selectByValue(value);
    }

    private void tick(Browser b, String css) {
        WebElement box = b.driver.findElement(By.cssSelector(css));
        if (!box.isSelected()) {
            ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", box);
            box.click();
        }
    }

    /** Sets an input the way a date picker would (typing into datetime-local depends on the browser's locale). */
    private void setValue(Browser b, String id, String value) {
        ((JavascriptExecutor) b.driver).executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                id, value);
    }

    private void click(Browser b, String css) {
        WebElement element = b.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].scrollIntoView({block:'center'})", element);
        element.click();
    }

    private Mailbox.Mail awaitMail(String address, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Mailbox.read(stack.imapPort(), address), mails -> mails.size() >= count).get(count - 1);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** Opens the event, follows "Register" and fills the form as a participant would, then sends it. */
    private void registerThroughTheForm(Browser b, String eventCode, String firstName, String address, String language,
            String... sessions) {
        b.driver.get(stack.gateway() + "/");
        click(b, "a[data-test='event-link'][data-code='" + eventCode + "']");
        click(b, "a[data-test='register-link']");
        visible(b, "#registration-form");
        type(b, "firstName", firstName);
        type(b, "lastName", "Example");
        type(b, "email", address);
        type(b, "organisation", "City of Ghent");
        select(b, "country", "BE");
        select(b, "category", "LOCAL_AUTHORITY");
        select(b, "language", language);
        for (String session : sessions) {
            tick(b, "input[data-session='" + session + "']");
        }
        tick(b, "#privacyPolicy");
        click(b, "[data-test='submit']");
    }

    private void signIn(Browser b, String username, String password) {
        b.driver.get(stack.gateway() + "/staff/login");
        type(b, "username", username);
        type(b, "password", password);
        click(b, "[data-test='sign-in']");
    }

    // --- the journeys -----------------------------------------------------------------------------------------------

    @Test
    void journey1_registerInEnglishThenCancelThroughTheEmailedLink() throws Exception {
        String address = email("ana");
        try (Browser b = Browser.open("en", 1280, 1000)) {
            registerThroughTheForm(b, "SDC-BRUSSELS", "Ana", address, "en", "W-DRUGS", "FV-DRUG-ROOM");
            b.wait.until(ExpectedConditions.urlContains("/registered"));
            visible(b, "[data-test='registration-status'][data-status='CONFIRMED']");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='confirmation-email']")).getText()).contains(address);
            assertThat(b.driver.getCurrentUrl()).doesNotContain(address).doesNotContain("Ana");

            Mailbox.Mail mail = awaitMail(address, 1);
            assertThat(mail.subject()).startsWith("Your registration is confirmed");
            b.driver.get(mail.manageLink());
            visible(b, "li[data-test='session-status'][data-session='W-DRUGS'][data-status='CONFIRMED']");
            visible(b, "li[data-test='session-status'][data-session='FV-DRUG-ROOM'][data-status='CONFIRMED']");
            click(b, "#cancel");
            click(b, "#cancel-yes");
            visible(b, "[data-test='registration-status'][data-status='CANCELLED']");
            b.screenshot("journey1-english-cancelled");

            // The private link's token went from the email to the page and, in a header, to the API: no process wrote
            // it down (access logs, request logs, errors, the emails' bodies).
            String token = mail.manageLink().replaceAll(".*token=([^&]+).*", "$1");
            assertThat(token).hasSizeGreaterThan(20);
            assertNotInAnyLog(token);
        }
    }

    /** {@code secret} appears in no file of the stack's log directory ({@code $DATA_DIR/logs}). */
    private void assertNotInAnyLog(String secret) throws Exception {
        Path logs = stack.dataDir.resolve("logs");
        java.util.List<Path> files;
        try (var walk = java.nio.file.Files.walk(logs)) {
            files = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        // The services did log (this is not an empty directory passing for a clean one).
        assertThat(files).extracting(f -> f.getFileName().toString())
                .contains("gateway.log", "registration-service.log", "notification-service.log");
        assertThat(logs.resolve("gateway.log")).isNotEmptyFile();
        for (Path file : files) {
            // Bytes as Latin-1: any file reads, and the token is ASCII.
            String text = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text.contains(secret)).as("the private link's token is written in " + logs.relativize(file)).isFalse();
        }
    }

    @Test
    void journey2_theSameInFrenchWithAFrenchPageAndEmail() throws Exception {
        String address = email("claire");
        try (Browser b = Browser.open("fr", 1280, 1000)) {
            registerThroughTheForm(b, "SDC-BRUSSELS", "Claire", address, "fr", "W-POLICE", "FV-MEDIATION");
            visible(b, "[data-test='registration-status'][data-status='CONFIRMED']");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(b.driver.findElement(By.tagName("body")).getText()).containsIgnoringCase("inscri");

            Mailbox.Mail mail = awaitMail(address, 1);
            assertThat(mail.subject()).startsWith("Votre inscription est confirmée");
            assertThat(mail.html()).contains("lang=\"fr\"");
            b.driver.get(mail.manageLink());
            visible(b, "li[data-test='session-status'][data-session='W-POLICE']");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            click(b, "#cancel");
            click(b, "#cancel-yes");
            visible(b, "[data-test='registration-status'][data-status='CANCELLED']");
            b.screenshot("journey2-french-cancelled");
        }
    }

    @Test
    void journey3_aFullFieldVisitPutsTheNextPersonOnItsWaitingListAtPositionOne() throws Exception {
        String code = "VISIT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        // Local times in Brussels with the offset Brussels has on that day (winter or summer time).
        LocalDate day = LocalDate.now(BRUSSELS).plusMonths(2);
        Response created = Http.call(stack.gateway(), "POST", "/api/admin/events", """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Séminaire de Gand","en":"Ghent seminar"},"city":"Ghent",
                 "country":"BE","startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels",
                 "languages":["fr","en"],"capacity":100,
                 "sessions":[{"code":"FV-SMALL","kind":"FIELD_VISIT","title":{"fr":"Visite","en":"Field visit"},
                   "startsAt":"%s","endsAt":"%s","language":"en","capacity":2}]}
                """.formatted(code, at(day, 9), at(day, 18), at(day, 10), at(day, 12)), "Authorization", ORGANIZER);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        try (Browser b = Browser.open("en", 1280, 1000)) {
            for (int i = 1; i <= 2; i++) {
                registerThroughTheForm(b, code, "Seat" + i, email("seat" + i), "en", "FV-SMALL");
                visible(b, "li[data-test='session-status'][data-session='FV-SMALL'][data-status='CONFIRMED']");
            }
            registerThroughTheForm(b, code, "Next", email("next"), "en", "FV-SMALL");
            WebElement waiting = visible(b, "li[data-test='session-status'][data-session='FV-SMALL'][data-status='WAITLISTED']");
            assertThat(waiting.findElement(By.cssSelector("[data-test='waitlist-position']")).getText()).contains("1");
            b.screenshot("journey3-waitlisted-position-1");
        }
    }

    @Test
    void journey4_aJournalistIsAskedAQuestionAnswersAndIsApprovedThenListedForTheOrganiser() throws Exception {
        String journalist = email("journalist");
        try (Browser press = Browser.open("fr", 1280, 1000); Browser officer = Browser.open("en", 1280, 1000);
                Browser organiser = Browser.open("en", 1280, 1000)) {
            press.driver.get(stack.gateway() + "/events/SDC-BRUSSELS/press");
            visible(press, "#accreditation-form");
            type(press, "firstName", "Marc");
            type(press, "lastName", "Example");
            type(press, "email", journalist);
            type(press, "mediaOutlet", "Le Quotidien");
            select(press, "mediaType", "PRINT");
            select(press, "country", "BE");
            select(press, "language", "fr");
            type(press, "pressCardNumber", "BE-4242");
            type(press, "coverageNotes", "Reportage sur les visites de terrain");
            click(press, "[data-test='submit']");
            visible(press, "[data-test='accreditation-status'][data-status='PENDING']");
            String link = accreditationLink(awaitMail(journalist, 1));
            String id = link.replaceAll(".*#id=([^&]+).*", "$1");

            signIn(officer, "press-officer", "demo-press");
            officer.wait.until(ExpectedConditions.urlContains("/staff/press"));
            officer.wait.until(d -> new Select(d.findElement(By.id("event-filter"))).getOptions().size() > 1);
            // The desk opens on the event with requests to review (the conference), not on the first of the list
            // (the webconferences come sooner and have none).
            officer.wait.until(d -> "SDC-BRUSSELS".equals(
                    new Select(d.findElement(By.id("event-filter"))).getFirstSelectedOption().getAttribute("value")));
            // Which proves the choice only while the conference is neither the first nor the soonest of the list (the
            // desk's fallback when nothing waits); the journalist's request is the only one waiting.
            java.util.List<String> listed = new Select(officer.driver.findElement(By.id("event-filter"))).getOptions().stream()
                    .map(o -> o.getAttribute("value")).filter(v -> !v.isEmpty()).toList();
            assertThat(listed.indexOf("SDC-BRUSSELS")).as("position of the conference in " + listed).isPositive();
            JsonNode soonest = Http.call(stack.gateway(), "GET", "/api/events", null).body().get(0);
            assertThat(soonest.get("code").asString()).as("the soonest event").isNotEqualTo("SDC-BRUSSELS");
            click(officer, "[data-test='request-row'][data-id='" + id + "']");
            visible(officer, "#details[data-id='" + id + "']");
            type(officer, "reason", "Which sessions will you cover?");
            click(officer, "[data-test='ask']");
            Mailbox.Mail question = awaitMail(journalist, 2);
            assertThat(question.text()).contains("Which sessions will you cover?");

            press.driver.get(accreditationLink(question));
            visible(press, "#answer-input").sendKeys("La plénière d'ouverture et la visite du centre de crise");
            click(press, "#send-answer");
            await().atMost(Duration.ofSeconds(20)).until(() -> "PENDING".equals(Http.call(stack.gateway(), "GET",
                    "/api/accreditations/" + id, null, "X-Manage-Token", link.replaceAll(".*token=([^&]+).*", "$1"))
                    .text("status")));

            officer.driver.navigate().refresh();
            click(officer, "[data-test='request-row'][data-id='" + id + "']");
            visible(officer, "#details[data-id='" + id + "']");
            click(officer, "[data-test='approve']");
            officer.wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("[data-test='request-row'][data-id='" + id + "']")));
            Mailbox.Mail approval = awaitMail(journalist, 3);
            assertThat(approval.calendar()).contains("BEGIN:VEVENT");

            signIn(organiser, "organizer", "demo-organizer");
            organiser.wait.until(ExpectedConditions.urlContains("/staff/organizer"));
            select(organiser, "attendee-event", "SDC-BRUSSELS");
            type(organiser, "attendee-search", journalist);
            WebElement row = organiser.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[@data-test='attendee-row'][contains(., '" + journalist + "')]")));
            assertThat(row.getText()).containsAnyOf("PRESS", "Press", "Presse");
            organiser.screenshot("journey4-organiser-sees-journalist");
        }
    }

    private static String accreditationLink(Mailbox.Mail mail) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(https?://\\S+/accreditation#id=[A-Za-z0-9_-]+&token=[A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(m.find()).as("private link in: " + mail.text()).isTrue();
        return m.group(1);
    }

    @Test
    void journey5_anOrganiserCreatesAnEventWithTwoSessionsThatAppearsOnThePublicList() throws Exception {
        String code = "FORM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate day = LocalDate.now(BRUSSELS).plusMonths(3);
        try (Browser b = Browser.open("en", 1280, 1000)) {
            signIn(b, "organizer", "demo-organizer");
            b.wait.until(ExpectedConditions.urlContains("/staff/organizer"));
            click(b, "[data-test='new-event']");
            visible(b, "#event-form-section");
            type(b, "code", code);
            select(b, "kind", "CONFERENCE");
            type(b, "title.fr", "Forum de Liège");
            type(b, "title.en", "Liège forum");
            type(b, "city", "Liège");
            type(b, "country", "BE");
            select(b, "timezone", "Europe/Brussels");
            setValue(b, "startsAt", day + "T09:00");
            setValue(b, "endsAt", day + "T17:00");
            tick(b, "#languages-fr");
            tick(b, "#languages-en");
            type(b, "capacity", "120");
            for (int i = 0; i < 2; i++) {
                if (b.driver.findElements(By.cssSelector("[data-test='session-row']")).size() <= i) {
                    click(b, "#add-session");
                }
                type(b, "sessions[" + i + "].code", i == 0 ? "PL-OPEN" : "W-ONE");
                select(b, "sessions[" + i + "].kind", i == 0 ? "PLENARY" : "WORKSHOP");
                type(b, "sessions[" + i + "].title.fr", i == 0 ? "Ouverture" : "Atelier");
                type(b, "sessions[" + i + "].title.en", i == 0 ? "Opening" : "Workshop");
                setValue(b, "sessions[" + i + "].startsAt", day + (i == 0 ? "T09:30" : "T11:00"));
                setValue(b, "sessions[" + i + "].endsAt", day + (i == 0 ? "T10:30" : "T12:30"));
                select(b, "sessions[" + i + "].language", i == 0 ? "fr" : "en");
                type(b, "sessions[" + i + "].capacity", i == 0 ? "120" : "30");
            }
            click(b, "[data-test='save-event']");
            visible(b, "[data-test='event-row'][data-code='" + code + "']");

            b.driver.get(stack.gateway() + "/?lang=en");
            visible(b, "a[data-test='event-link'][data-code='" + code + "']");
            Response event = Http.call(stack.gateway(), "GET", "/api/events/" + code, null);
            assertThat(event.body().get("sessions").size()).isEqualTo(2);
            b.screenshot("journey5-new-event-listed");
        }
    }

    @Test
    void journey7_theLanguageChosenOnAPublicPageCarriesToTheStaffSignIn() throws Exception {
        try (Browser b = Browser.open("en", 1280, 1000)) {
            b.driver.get(stack.gateway() + "/events/SDC-BRUSSELS");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            click(b, "#lang-fr");
            b.wait.until(d -> "fr".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(b.driver.getCurrentUrl()).endsWith("/events/SDC-BRUSSELS");
            assertThat(b.driver.findElement(By.id("programme-title")).getText()).isEqualTo("Programme");
            click(b, "[data-test='staff-link']");
            b.wait.until(ExpectedConditions.urlContains("/staff/login"));
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(b.driver.findElement(By.cssSelector("label[for='password']")).getText()).isEqualTo("Mot de passe");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='sign-in']")).getText()).isEqualTo("Se connecter");
            b.screenshot("journey7-french-staff-sign-in");
        }
    }

    @Test
    void journey9_withoutJavaScriptTheProgrammeReadsInFrenchAndThePressPageLeadsToTheForm() throws Exception {
        try (Browser b = Browser.openWithoutJavaScript("fr", 1280, 1000)) {
            // The browser really runs no script: a page that needs one says so (<noscript> shows only then), in French.
            b.driver.get(stack.gateway() + "/manage");
            assertThat(visible(b, "[data-test='needs-javascript']").getText()).startsWith("Cette page a besoin de JavaScript");

            b.driver.get(stack.gateway() + "/events/SDC-BRUSSELS");
            assertThat(b.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            java.util.List<WebElement> sessions = b.driver.findElements(By.cssSelector("#programme li[data-test='session']"));
            assertThat(sessions).hasSizeGreaterThanOrEqualTo(4);
            for (WebElement session : sessions) {
                assertThat(session.isDisplayed()).as("session " + session.getAttribute("data-session") + " is shown").isTrue();
                assertThat(session.findElement(By.cssSelector("[data-test='session-title']")).getText()).isNotBlank();
            }
            WebElement visit = visible(b, "li[data-test='session'][data-session='FV-DRUG-ROOM'] [data-test='session-kind']");
            assertThat(visit.getText()).isEqualTo("Visite de terrain");
            assertThat(visible(b, "[data-test='day'] h3").getText()).matches("^(Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche) .*");
            visible(b, "a[data-test='register-link']");
            assertThat(b.driver.findElements(By.cssSelector("[data-test='needs-javascript']"))).isEmpty();
            b.screenshot("journey9-programme-without-javascript");

            // The press page lists the events with links, and a link leads to the event's form.
            b.driver.get(stack.gateway() + "/press");
            assertThat(visible(b, "#chooser-title").getText()).isEqualTo("Accréditation presse");
            assertThat(b.driver.findElements(By.cssSelector("li[data-test='press-event']"))).hasSizeGreaterThanOrEqualTo(3);
            visible(b, "li[data-test='press-event'][data-code='WEB-PREVENTION-FR']");
            click(b, "li[data-test='press-event'][data-code='SDC-BRUSSELS'] a[data-test='press-event-link']");
            b.wait.until(ExpectedConditions.urlMatches("/events/SDC-BRUSSELS/press$"));
            visible(b, "[data-test='needs-javascript']");
            b.screenshot("journey9-press-form-without-javascript");
        }
    }

    /** Registers through the API and returns the check-in code its confirmation email prints. */
    private String registeredCode(String eventCode, String firstName, String address, String session) throws Exception {
        Response created = Http.call(stack.gateway(), "POST", "/api/events/" + eventCode + "/registrations", """
                {"firstName":"%s","lastName":"Example","email":"%s","organisation":"City of Ghent","country":"BE",
                 "category":"LOCAL_AUTHORITY","language":"en","sessions":["%s"],"dietaryRequirements":null,
                 "accessibilityNeeds":null,"consents":{"privacyPolicy":true,"photography":false}}
                """.formatted(firstName, address, session), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return awaitMail(address, 1).checkInCode();
    }

    private JsonNode registrationOf(String eventCode, String address) throws Exception {
        for (JsonNode registration : Http.call(stack.gateway(), "GET", "/api/admin/events/" + eventCode + "/registrations",
                null, "Authorization", ORGANIZER).body()) {
            if (address.equals(registration.get("email").asString())) {
                return registration;
            }
        }
        throw new AssertionError("No registration for " + address + " in " + eventCode);
    }

    private static Instant checkedInAt(JsonNode registration) {
        JsonNode at = registration.get("checkedInAt");
        return at == null || at.isNull() ? null : Instant.parse(at.asString());
    }

    private void scan(Browser b, String code) {
        WebElement field = b.driver.findElement(By.id("code"));
        field.sendKeys(code + Keys.ENTER);
    }

    private WebElement answer(Browser b, String outcome) {
        return visible(b, "[data-test='answer'][data-outcome='" + outcome + "']");
    }

    private void network(Browser b, boolean online) {
        ChromeDriver chrome = (ChromeDriver) b.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    @Test
    void journey8_theCheckInDeskAdmitsOnlineThenOfflineAndSendsWhatItDecidedWhenTheNetworkIsBack() throws Exception {
        String code = "DESK-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        LocalDate day = LocalDate.now(BRUSSELS).plusDays(10);
        Response created = Http.call(stack.gateway(), "POST", "/api/admin/events", """
                {"code":"%s","kind":"CONFERENCE","title":{"fr":"Forum de Mons","en":"Mons forum"},"city":"Mons",
                 "country":"BE","startsAt":"%s","endsAt":"%s","timezone":"Europe/Brussels","languages":["fr","en"],
                 "capacity":100,"sessions":[{"code":"W-DESK","kind":"WORKSHOP","title":{"fr":"Atelier","en":"Workshop"},
                   "startsAt":"%s","endsAt":"%s","language":"en","capacity":20}]}
                """.formatted(code, at(day, 9), at(day, 18), at(day, 10), at(day, 12)), "Authorization", ORGANIZER);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String online = email("online");
        String offline = email("offline");
        String elsewhere = email("elsewhere");
        String onlineCode = registeredCode(code, "Olga", online, "W-DESK");
        String offlineCode = registeredCode(code, "Omar", offline, "W-DESK");
        String elsewhereCode = registeredCode(code, "Elise", elsewhere, "W-DESK");

        try (Browser b = Browser.open("en", 1280, 1000)) {
            signIn(b, "checkin", "demo-checkin");
            b.wait.until(ExpectedConditions.urlContains("/staff/checkin"));
            b.wait.until(d -> new Select(d.findElement(By.id("checkin-event"))).getOptions().stream()
                    .anyMatch(o -> code.equals(o.getAttribute("value"))));
            select(b, "checkin-event", code);
            visible(b, "[data-test='roster-status'][data-event='" + code + "']");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='connection']")).getAttribute("data-state"))
                    .isEqualTo("online");

            // Online: the server decides.
            scan(b, onlineCode);
            WebElement admitted = answer(b, "admitted");
            assertThat(admitted.getAttribute("data-offline")).isEqualTo("false");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='answer-name']")).getText()).isEqualTo("Olga Example");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='answer-details']")).getText())
                    .contains("City of Ghent", "Belgium");
            assertThat(b.driver.findElement(By.id("code")).getAttribute("value")).as("the field is cleared").isEmpty();
            assertThat(b.driver.switchTo().activeElement().getAttribute("id")).as("and keeps the focus").isEqualTo("code");
            scan(b, onlineCode);
            answer(b, "already");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='verdict']")).getText()).startsWith("Already here since");

            // The desk's SHA-256 (for pages without crypto.subtle) and its reading of a typed code match the server's rule.
            JavascriptExecutor js = (JavascriptExecutor) b.driver;
            assertThat(js.executeScript("return CheckInOffline.sha256HexFallback(arguments[0])",
                    CheckInCodes.normalised(offlineCode))).isEqualTo(CheckInCodes.key(offlineCode));
            assertThat(js.executeScript("return CheckInOffline.normalise(arguments[0])",
                    offlineCode.toLowerCase(java.util.Locale.ROOT).replace('0', 'o').replace("-", " ")))
                    .isEqualTo(CheckInCodes.normalised(offlineCode));

            // Another desk admits Elise, online, while this one is about to lose the network.
            Response otherDesk = Http.call(stack.gateway(), "POST", "/api/checkin",
                    "{\"code\":\"%s\"}".formatted(elsewhereCode), "Authorization", CHECKIN);
            assertThat(otherDesk.status()).as(otherDesk.raw()).isEqualTo(200);
            Instant elsewhereAt = Instant.parse(otherDesk.text("checkedInAt"));

            // Offline: the desk decides from its roster and keeps what it decided.
            network(b, false);
            scan(b, offlineCode);
            b.wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-test='answer']")).getAttribute("data-offline")));
            answer(b, "admitted");
            assertThat(b.driver.findElement(By.cssSelector("[data-test='answer-name']")).getText()).isEqualTo("Omar Example");
            visible(b, "[data-test='connection'][data-state='offline']");
            WebElement waiting = visible(b, "[data-test='queue'][data-count='1']");
            assertThat(waiting.getText()).isEqualTo("1 check-in waiting to be sent.");
            scan(b, "AAAA-BBBB-CCCC-DDDD");
            b.wait.until(d -> "unknown".equals(d.findElement(By.cssSelector("[data-test='answer']")).getAttribute("data-reason")));
            scan(b, onlineCode);
            answer(b, "already");
            // Elise's arrival at the other desk is not in this desk's roster: it admits her too, and queues it.
            scan(b, elsewhereCode);
            visible(b, "[data-test='queue'][data-count='2']");
            b.screenshot("journey8-check-in-desk-offline");

            String stored = String.valueOf(js.executeScript("return JSON.stringify(Object.assign({}, window.localStorage))"));
            assertThat(stored).as("the desk keeps no email").doesNotContain(online, offline, elsewhere, "@example.org");
            Instant offlineAt = Instant.parse(String.valueOf(js.executeScript(
                    "return JSON.parse(localStorage.getItem('conference.checkin.queue'))[0].scannedAt")));
            assertThat(checkedInAt(registrationOf(code, offline))).as("not sent while offline").isNull();

            // The network is back: the queue goes out in order, with the desk's times.
            network(b, true);
            b.wait.until(d -> "0".equals(d.findElement(By.cssSelector("[data-test='queue']")).getAttribute("data-count")));
            visible(b, "[data-test='connection'][data-state='online']");
            assertThat(checkedInAt(registrationOf(code, offline))).isEqualTo(offlineAt);
            assertThat(checkedInAt(registrationOf(code, elsewhere))).as("the earliest admission wins").isEqualTo(elsewhereAt);
            WebElement note = visible(b, "[data-test='sync-note'][data-kind='earlier']");
            assertThat(note.getText()).startsWith("Elise Example: already admitted at another desk at");
            b.screenshot("journey8-check-in-desk-synced");

            // Nothing left to send: signing out forgets the attendee list kept in this shared browser.
            assertThat(keptByTheDesk(js)).as("kept while signed in").isNotZero();
            b.driver.findElement(By.cssSelector("[data-test='sign-out']")).click();
            b.wait.until(ExpectedConditions.urlContains("/staff/login"));
            assertThat(keptByTheDesk(js)).as("kept after signing out").isZero();
        }

        // The organiser's dashboard counts the three arrivals, and the attendee list says when each came.
        try (Browser organiser = Browser.open("en", 1280, 1000)) {
            signIn(organiser, "organizer", "demo-organizer");
            organiser.wait.until(ExpectedConditions.urlContains("/staff/organizer"));
            organiser.wait.until(d -> new Select(d.findElement(By.id("arrivals-event"))).getOptions().stream()
                    .anyMatch(o -> code.equals(o.getAttribute("value"))));
            select(organiser, "arrivals-event", code);
            WebElement summary = visible(organiser, "[data-test='arrivals-summary'][data-checked-in='3'][data-confirmed='3']");
            assertThat(summary.getText()).isEqualTo("3 arrived of 3 holding a seat (100 %)");
            visible(organiser, "[data-test='arrivals-row'][data-code='W-DESK'][data-confirmed='3'][data-checked-in='0']");
            select(organiser, "attendee-event", code);
            type(organiser, "attendee-search", offline);
            WebElement row = visible(organiser, "[data-test='attendee-row'][data-checked-in]:not([data-checked-in=''])");
            assertThat(row.getText()).contains("Omar");
            organiser.screenshot("journey8-organiser-sees-arrivals");
        }
    }

    @Test
    void journey6_invalidInputIsShownNextToTheFieldAndNothingIsSent() throws Exception {
        String address = email("invalid");
        try (Browser b = Browser.open("en", 360, 800)) {
            b.driver.get(stack.gateway() + "/events/SDC-BRUSSELS/register");
            visible(b, "#registration-form");
            type(b, "firstName", "Ana");
            type(b, "lastName", "Example");
            type(b, "email", "not-an-email");
            select(b, "country", "BE");
            select(b, "category", "LOCAL_AUTHORITY");
            click(b, "[data-test='submit']");
            WebElement emailError = visible(b, "#email-error");
            assertThat(emailError.getText()).isNotBlank();
            assertThat(b.driver.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(b.driver.findElement(By.id("email")).getAttribute("aria-describedby")).contains("email-error");
            visible(b, "#privacyPolicy-error");
            visible(b, "#error-summary");
            assertThat(b.driver.getCurrentUrl()).doesNotContain("/registered");
            // The browser itself never sent the form: no request to the registrations endpoint was made.
            Object posted = ((JavascriptExecutor) b.driver).executeScript("return performance.getEntriesByType('resource')"
                    + ".filter(e => e.name.includes('/registrations')).length");
            assertThat(((Number) posted).intValue()).isZero();
            // Fixing the address alone still sends nothing: the privacy consent is missing.
            type(b, "email", address);
            click(b, "[data-test='submit']");
            visible(b, "#privacyPolicy-error");
            assertThat(((Number) ((JavascriptExecutor) b.driver).executeScript("return performance"
                    + ".getEntriesByType('resource').filter(e => e.name.includes('/registrations')).length")).intValue())
                    .isZero();
            b.screenshot("journey6-invalid-input");
        }
        assertThat(Http.call(stack.gateway(), "GET", "/api/admin/events/SDC-BRUSSELS/registrations", null,
                "Authorization", ORGANIZER).raw()).doesNotContain(address);
        assertThat(Mailbox.read(stack.imapPort(), address)).isEmpty();
    }

    /** How many entries the check-in desk keeps in the browser's local storage. */
    private static long keptByTheDesk(JavascriptExecutor js) {
        return ((Number) js.executeScript("return Object.keys(window.localStorage)"
                + ".filter(function (k) { return k.indexOf('conference.checkin.') === 0; }).length")).longValue();
    }
}
