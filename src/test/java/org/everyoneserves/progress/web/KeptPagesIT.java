package org.everyoneserves.progress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.testing.Database;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Eventually;
import org.everyoneserves.testing.NewPerson;
import org.everyoneserves.testing.RemotePeople;
import org.everyoneserves.testing.ServerClock;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The learner's home and the manager's overview are sent again from the server's memory while nothing they show has
 * changed (KeptPagesFilter). What a person must never notice: a change made anywhere (through another copy of the
 * application, as another server would, or straight in the database) shows within a poll of the change stamps, whether
 * it is the viewer's own (whose stamps come with the session check, kept in memory as the API's callers are) or their
 * team's (whose stamp is kept in memory until a poll sees one of its people change); a new day counts; a message shown once after a redirect is
 * not shown again, nor lost; another session never gets this one's form token.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeptPagesIT {

    private static final Pattern HEADING = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("name=\"es_form_token\" value=\"([^\"]+)\"");

    @RegisterExtension
    static ServerClock clock = new ServerClock();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.withPeople(KeptPagesIT.class);
    }

    @Test
    void theLearnersHomeShowsAChangeMadeAnywhereWithinAPoll() {
        RemotePeople people = new RemotePeople(KeptPagesIT.class);
        RemotePeople.Made lina = people.create(NewPerson.named("lina").department("customer-support").role("support-agent")
                .startedOn(clock.today().minusDays(3)));
        Web web = new Web();
        assertEquals(302, web.signIn(lina.email(), Web.DEMO_PASSWORD).statusCode());
        String first = home(web);
        assertEquals(first, home(web), "unchanged, the same page");
        assertTrue(heading(first).contains(lina.name().split(" ")[0]), heading(first));
        assertFalse(first.contains("user-menu__notifications--new"), "nothing unread yet");

        Database.update("update person set first_name = 'Linnea' where id = ?", lina.id());
        String renamed = Eventually.seen(() -> home(web), page -> heading(page).contains("Linnea"));
        assertTrue(heading(renamed).contains("Linnea"), "renamed in the database: " + heading(renamed));

        Database.update("insert into notification (person_id, kind, dedupe_key, subject, body, created_at, email_status)"
                + " values (?, 'NUDGE', ?, 'Kept pages', 'x', now(3), 'IN_APP')", lina.id(), "kept-pages:" + UUID.randomUUID());
        assertTrue(Eventually.seen(() -> home(web), page -> page.contains("user-menu__notifications--new")).contains("user-menu__notifications--new"),
                "a new notification shows in the header");

        Web again = new Web();
        assertEquals(302, again.signIn(lina.email(), Web.DEMO_PASSWORD).statusCode());
        String other = home(again);
        assertNotEquals(token(home(web)), token(other), "each session's page carries its own form token");
        assertEquals(heading(renamed), heading(other));
    }

    /** Just before midnight an item due today is not overdue; just after, the same session's home says it is. */
    @Test
    void aNewDayIsAnotherPage() {
        RemotePeople.Made noor = new RemotePeople(KeptPagesIT.class).create(NewPerson.named("noor").department("customer-support")
                .role("support-agent").startedOn(clock.today().minusDays(3)));
        LocalDate today = clock.today();
        Instant lateEvening = today.atTime(23, 50).atZone(ZoneId.systemDefault()).toInstant();
        clock.aheadBy(Duration.between(Instant.now(), lateEvening));
        Web web = new Web();
        assertEquals(302, web.signIn(noor.email(), Web.DEMO_PASSWORD).statusCode());
        Database.update("update assignment set due_on = ? where person_id = ? and status = 'OPEN' order by id limit 1",
                java.sql.Date.valueOf(today), noor.id());
        String evening = count(home(web), "overdueCount");
        assertEquals(evening, count(home(web), "overdueCount"));
        clock.aheadBy(Duration.between(Instant.now(), lateEvening.plus(Duration.ofMinutes(20))));
        int night = Integer.parseInt(count(home(web), "overdueCount"));
        assertTrue(night > Integer.parseInt(evening), "after midnight the item due today is overdue: " + evening + " -> " + night);
    }

    @Test
    void theManagersOverviewShowsTheTeamAsItIsNowAndAMessageOnce() {
        RemotePeople people = new RemotePeople(KeptPagesIT.class);
        RemotePeople.Made mara = people.create(NewPerson.named("mara").department("customer-support").role("support-lead"));
        RemotePeople.Made rudi = people.create(NewPerson.named("rudi").department("customer-support").role("support-agent")
                .startedOn(clock.today().minusDays(120)).manager(mara.email()));
        Web web = new Web();
        assertEquals(302, web.signIn(mara.email(), Web.DEMO_PASSWORD).statusCode());
        String first = overview(web, "");
        assertTrue(first.contains(rudi.name()), "the one report");
        assertEquals(first, overview(web, ""), "unchanged, the same page");

        RemotePeople.Made sina = people.create(NewPerson.named("sina").department("customer-support").role("support-agent")
                .startedOn(clock.today().minusDays(120)).manager(mara.email()));
        // RemotePeople writes through the test's own copy of the application: another server, as far as this one knows.
        String two = Eventually.seen(() -> overview(web, ""), page -> page.contains(sina.name()));
        assertTrue(two.contains(sina.name()) && two.contains(rudi.name()), "a new report shows within a poll");

        Database.update("update person set last_name = 'Kept' where id = ?", rudi.id());
        String renamed = rudi.name().split(" ")[0] + " Kept";
        assertTrue(Eventually.seen(() -> overview(web, ""), page -> page.contains(renamed)).contains(renamed),
                "a report renamed in the database (as by another server): within a poll (the team's stamp, kept until a poll sees it move)");

        RemotePeople.Made tove = people.create(NewPerson.named("tove").department("customer-support").role("support-agent")
                .startedOn(clock.today().minusDays(120)).manager(sina.email()));
        assertTrue(Eventually.seen(() -> overview(web, ""), page -> page.contains(tove.name())).contains(tove.name()),
                "a report's report, added on another server: within a poll");
        Database.update("update person set last_name = 'Deeper' where id = ?", tove.id());
        String deeper = tove.name().split(" ")[0] + " Deeper";
        assertTrue(Eventually.seen(() -> overview(web, ""), page -> page.contains(deeper)).contains(deeper),
                "a report's report renamed in the database: within a poll");

        people.deactivate(rudi.id());
        assertFalse(Eventually.seen(() -> overview(web, ""), page -> !page.contains(renamed)).contains(renamed),
                "a report deactivated on another server is gone within a poll");

        String department = "Kept pages " + UUID.randomUUID().toString().substring(0, 8);
        Database.update("insert into department (code, name) values (?, ?)", department.toLowerCase().replace(' ', '-'), department);
        assertTrue(Eventually.seen(() -> overview(web, ""), page -> page.contains(department)).contains(department),
                "a new department is offered in the filter");

        Database.update("update progress_summary set next_due_on = ? where person_id = ?", java.sql.Date.valueOf(clock.today().minusDays(5)), sina.id());
        String overdue = overview(web, "?status=OVERDUE");
        assertEquals(overdue, overview(web, "?status=OVERDUE"));
        Matcher token = TOKEN.matcher(overdue);
        assertTrue(token.find() && overdue.contains("nudgeOverdue"), "the overdue report can be reminded");
        Map<String, String> nudge = new LinkedHashMap<>();
        nudge.put("nudgeOverdue", "nudgeOverdue");
        nudge.put("es_form_token", token.group(1));
        nudge.put("nudgeOverdue:note", "Kept pages: please catch up.");
        nudge.put("nudgeOverdue:send", "Send");
        nudge.put("jakarta.faces.ViewState", "stateless");
        HttpResponse<String> sent = web.postForm("/manager/index.xhtml", nudge);
        assertEquals(302, sent.statusCode(), sent.body());
        String after = overview(web, "?status=OVERDUE");
        assertTrue(after.contains("Reminder sent to one person."), "the message after the redirect");
        assertFalse(overview(web, "?status=OVERDUE").contains("Reminder sent to"), "shown once");
    }

    private static String home(Web web) {
        HttpResponse<String> page = web.get("/learner/index.xhtml");
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static String overview(Web web, String query) {
        HttpResponse<String> page = web.get("/manager/index.xhtml" + query);
        assertEquals(200, page.statusCode());
        return page.body();
    }

    private static String heading(String page) {
        Matcher m = HEADING.matcher(page);
        assertTrue(m.find(), "a heading");
        return m.group(1).trim();
    }

    private static String count(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(page);
        assertTrue(m.find(), id);
        return m.group(1);
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "a form token");
        return m.group(1);
    }
}
