package org.everyoneserves.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageWriterFilterTest {

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final PageWriterFilter.HeapEncodingWriter writer = new PageWriterFilter.HeapEncodingWriter(sent, StandardCharsets.UTF_8);

    @Test
    void aPageLongerThanTheBufferArrivesWholeWithEveryCharacterEncoded() throws IOException {
        StringBuilder page = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            page.append("<li>Grüße 😀 ").append(i).append("</li>");
        }
        String text = page.toString();
        // a surrogate pair split over two writes, and over the end of the buffer
        for (int i = 0; i < text.length(); i += 7) {
            writer.write(text, i, Math.min(7, text.length() - i));
        }
        writer.end();
        assertEquals(text, sent.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aResetBufferDropsWhatWasNotSentAndARedirectEverythingAfter() throws IOException {
        writer.write("half a page");
        writer.discard();
        writer.write("the error page");
        writer.flush();
        writer.drop();
        writer.write("written after a redirect");
        writer.end();
        assertEquals("the error page", sent.toString(StandardCharsets.UTF_8));
    }
}
