package org.everyoneserves.assignments.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.Certificate;
import org.junit.jupiter.api.Test;

/** The certificate PDF says who finished what, when and against which versions, in the viewer's language. */
class CertificatePdfTest {

    static final Certificate CERTIFICATE = new Certificate("3FA2C19B0D7E", "Chloé Dubois", "support-agent", "Customer Support Agent",
            Instant.parse("2026-11-20T10:00:00Z"), List.of(
            new Certificate.Line(Assignment.Kind.MODULE, "everyone-serves", "Everyone serves", Instant.parse("2026-11-02T10:00:00Z"), 2),
            new Certificate.Line(Assignment.Kind.GUIDE, "shadowing-customer-support", "Support shadows the front line in another team",
                    Instant.parse("2026-11-20T10:00:00Z"), 1)));

    static String text(Locale locale) throws Exception {
        byte[] pdf = CertificatePdf.render(CERTIFICATE, locale, ZoneOffset.UTC);
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(pdf);
        try {
            assertEquals(1, reader.getNumberOfPages());
            return new PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }

    @Test
    void namesThePersonTheRoleEveryItemAndTheNumber() throws Exception {
        String text = text(Locale.ENGLISH);
        assertTrue(text.contains("Chloé Dubois"), text);
        assertTrue(text.contains("Customer Support Agent"), text);
        assertTrue(text.contains("Everyone serves") && text.contains("Support shadows the front line in another team"), text);
        assertTrue(text.contains("November 20, 2026"), text);
        assertTrue(text.contains("3FA2C19B0D7E"), text);
    }

    @Test
    void speaksTheViewersLanguage() throws Exception {
        String text = text(Locale.GERMAN);
        assertTrue(text.contains("20. November 2026"), text);
    }
}
