package org.everyoneserves.assignments.web;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import org.everyoneserves.assignments.Certificate;

/** A certificate as a one-page A4 PDF, in the viewer's language. */
final class CertificatePdf {

    private static final Color BRAND = new Color(11, 110, 79);

    private CertificatePdf() {
    }

    static byte[] render(Certificate certificate, Locale locale, ZoneId zone) {
        ResourceBundle text = ResourceBundle.getBundle("org.everyoneserves.messages", locale);
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 64, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text.getString("certificate.title") + " " + certificate.number());
            document.open();
            Font small = new Font(Font.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY);
            Font brand = new Font(Font.HELVETICA, 12, Font.BOLD, BRAND);
            Paragraph head = new Paragraph("Everyone Serves", brand);
            document.add(head);
            Paragraph title = new Paragraph(text.getString("certificate.title"), new Font(Font.HELVETICA, 28, Font.BOLD));
            title.setSpacingBefore(36);
            document.add(title);
            Paragraph intro = new Paragraph(text.getString("certificate.certifies"), small);
            intro.setSpacingBefore(24);
            document.add(intro);
            document.add(new Paragraph(certificate.personName(), new Font(Font.HELVETICA, 22, Font.BOLD, BRAND)));
            Paragraph role = new Paragraph(java.text.MessageFormat.format(text.getString("certificate.completed"), certificate.roleName(),
                    day.format(certificate.completedAt())), new Font(Font.HELVETICA, 12));
            role.setSpacingBefore(8);
            role.setSpacingAfter(24);
            document.add(role);
            PdfPTable table = new PdfPTable(new float[] {6, 2.4f, 1.2f});
            table.setWidthPercentage(100);
            Font headFont = new Font(Font.HELVETICA, 10, Font.BOLD);
            for (String column : new String[] {"certificate.item", "certificate.date", "certificate.version"}) {
                PdfPCell cell = new PdfPCell(new Paragraph(text.getString(column), headFont));
                cell.setBorderColor(Color.LIGHT_GRAY);
                cell.setBackgroundColor(new Color(240, 243, 246));
                cell.setPadding(5);
                table.addCell(cell);
            }
            Font cellFont = new Font(Font.HELVETICA, 10);
            for (Certificate.Line line : certificate.items()) {
                for (String value : new String[] {line.title(), day.format(line.completedAt()), String.valueOf(line.version())}) {
                    PdfPCell cell = new PdfPCell(new Paragraph(value, cellFont));
                    cell.setBorderColor(Color.LIGHT_GRAY);
                    cell.setPadding(5);
                    table.addCell(cell);
                }
            }
            document.add(table);
            Paragraph number = new Paragraph(java.text.MessageFormat.format(text.getString("certificate.number"), certificate.number()), small);
            number.setSpacingBefore(24);
            number.setAlignment(Element.ALIGN_LEFT);
            document.add(number);
            document.add(new Chunk(""));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not write the certificate", e);
        }
        return out.toByteArray();
    }
}
