package org.everyoneserves.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * Pages are encoded to bytes on the heap, then handed to the server's stream. Undertow's own writer encodes each
 * character straight into its pooled direct buffers, which takes the JDK's slow per-character path of the UTF-8
 * encoder: under load that was 12-27 % of the processor samples of the learner home and the manager overview (Flight
 * Recorder). Here a page's characters are collected and encoded a buffer at a time, array to array (whole runs of
 * ASCII at once), and the server copies the bytes. What a page wrote is sent only when it ends normally: an exception, a redirect or an error answer drops it,
 * as the server's own buffer would.
 */
public class PageWriterFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        HeapEncodedResponse wrapped = new HeapEncodedResponse(response);
        chain.doFilter(request, wrapped);
        wrapped.finish();
    }

    static final class HeapEncodedResponse extends HttpServletResponseWrapper {

        private HeapEncodingWriter encoder;
        private PrintWriter writer;

        HeapEncodedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                encoder = new HeapEncodingWriter(getResponse().getOutputStream(), Charset.forName(getCharacterEncoding()));
                writer = new PrintWriter(encoder, false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            super.flushBuffer();
        }

        @Override
        public void resetBuffer() {
            discard();
            super.resetBuffer();
        }

        @Override
        public void reset() {
            discard();
            super.reset();
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            drop();
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            drop();
            super.sendError(status);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            drop();
            super.sendRedirect(location);
        }

        private void discard() {
            if (encoder != null) {
                encoder.discard();
            }
        }

        /** The answer is the error or the redirect: what the page writes from now on goes nowhere. */
        private void drop() {
            if (encoder != null) {
                encoder.drop();
            }
        }

        /** Hands what the page wrote to the server's stream, which sends it as it would have (with a length when it fits). */
        void finish() throws IOException {
            if (encoder != null) {
                encoder.end();
            }
        }
    }

    /** Collects characters and encodes them a buffer at a time ({@link String#getBytes}: whole ASCII runs at once). */
    static final class HeapEncodingWriter extends Writer {

        private final OutputStream out;
        private final Charset charset;
        private final char[] buffer = new char[16384];
        private int count;
        private boolean dropped;

        HeapEncodingWriter(OutputStream out, Charset charset) {
            this.out = out;
            this.charset = charset;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            if (dropped) {
                return;
            }
            while (length > 0) {
                if (count == buffer.length) {
                    encode(false);
                }
                int n = Math.min(length, buffer.length - count);
                System.arraycopy(chars, offset, buffer, count, n);
                count += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void write(int c) throws IOException {
            if (dropped) {
                return;
            }
            if (count == buffer.length) {
                encode(false);
            }
            buffer[count++] = (char) c;
        }

        /** Encodes the buffer; unless it is the end, a last high surrogate waits for its pair. */
        private void encode(boolean end) throws IOException {
            int n = !end && count > 0 && Character.isHighSurrogate(buffer[count - 1]) ? count - 1 : count;
            if (n > 0) {
                out.write(new String(buffer, 0, n).getBytes(charset));
            }
            System.arraycopy(buffer, n, buffer, 0, count - n);
            count -= n;
        }

        @Override
        public void flush() throws IOException {
            if (!dropped) {
                encode(false);
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!dropped) {
                encode(true);
                out.close();
            }
        }

        void end() throws IOException {
            if (!dropped) {
                encode(true);
            }
        }

        void discard() {
            count = 0;
        }

        void drop() {
            count = 0;
            dropped = true;
        }
    }
}
