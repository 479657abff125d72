package org.everyoneserves.progress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The team CSV as the demo company's support manager downloads it, and as nobody else can. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TeamExportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(TeamExportIT.class);
    }

    /** One part of a workbook, read through the zip's central directory (as spreadsheet programs do). */
    static String entry(byte[] zip, String name) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("team", ".xlsx");
            java.nio.file.Files.write(file, zip);
            try (java.util.zip.ZipFile workbook = new java.util.zip.ZipFile(file.toFile())) {
                java.util.zip.ZipEntry e = workbook.getEntry(name);
                if (e == null) {
                    throw new AssertionError("no " + name + " in the workbook");
                }
                return new String(workbook.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aManagerDownloadsTheirTeamAndOnlyTheirTeam() {
        Web daniel = new Web();
        daniel.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        HttpResponse<String> csv = daniel.get("/manager/team.csv?status=ALL&sort=NAME");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        List<String> lines = csv.body().strip().lines().toList();
        assertTrue(lines.get(0).endsWith("name,email,department,job_role,manager,required,done,percent,overdue,due_soon,expiring,next_due_on,"
                + "shadowing_done,shadowing_due_on"), lines.get(0));
        assertEquals(7, lines.size(), "Ruth and the five agents: " + lines);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("@brightwater.example,Customer Support,")), lines.toString());

        HttpResponse<byte[]> xlsx = daniel.getBytes("/manager/team.xlsx?status=ALL&sort=NAME");
        assertEquals(200, xlsx.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.headers().firstValue("Content-Type").orElse(""));
        String strings = entry(xlsx.body(), "xl/sharedStrings.xml");
        assertTrue(strings.contains("Ruth") && strings.contains("noah.fischer@brightwater.example"), "the workbook has the team");
        assertEquals(7, entry(xlsx.body(), "xl/worksheets/sheet1.xml").split("<row ").length - 1, "a header and six people");

        Web noah = new Web();
        noah.signIn(Web.demo("noah.fischer"), Web.DEMO_PASSWORD);
        HttpResponse<String> refused = noah.get("/manager/team.csv");
        assertEquals(403, refused.statusCode(), "a learner has no team to export");
        assertTrue(!refused.body().contains("@brightwater.example"), "and sees nobody's data");
    }

    @Test
    void anAdminsExportOfEveryoneShowsEachPersonAsTheirManagersExportDoes() {
        Web daniel = new Web();
        daniel.signIn(Web.demo("daniel.weber"), Web.DEMO_PASSWORD);
        Web alex = new Web();
        alex.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        List<String> team = daniel.get("/manager/team.csv?status=ALL&sort=NAME").body().strip().lines().skip(1).toList();
        HttpResponse<String> everyone = alex.get("/admin/people.csv?status=ALL&sort=NAME");
        assertEquals(200, everyone.statusCode());
        List<String> lines = everyone.body().strip().lines().toList();
        assertTrue(lines.size() > 50, "the whole demo company: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("amara.okafor@brightwater.example")), "the executive too");
        for (String line : team) {
            assertTrue(lines.contains(line), "the same counts, dates and shadowing as the team export: " + line);
        }
    }
}
