package org.moderato.article.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A gzip stream made of separately deflated segments. Each segment is raw deflate ending on a full
 * flush (no back-references across it) and only the last one is final, so segments compressed at
 * different times concatenate into one valid stream: the kept page's parts are compressed once, the
 * reader's token at each request.
 */
final class GzipSplice {

    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private GzipSplice() {}

    /** Raw deflate of {@code data}; {@code last}: the final block of the stream. */
    static byte[] segment(byte[] data, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[16 * 1024];
            if (last) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
                    out.write(buffer, 0, n);
                } while (n == buffer.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The CRC-32 of the parts, one after the other, for the gzip trailer. */
    static int crc(byte[]... parts) {
        CRC32 crc = new CRC32();
        for (byte[] part : parts) {
            crc.update(part);
        }
        return (int) crc.getValue();
    }

    /** Writes one gzip member made of deflated segments; {@code crc} and {@code size} are of the uncompressed whole. */
    static void write(OutputStream out, int crc, long size, byte[]... segments) throws IOException {
        out.write(HEADER);
        for (byte[] segment : segments) {
            out.write(segment);
        }
        out.write(littleEndian(crc));
        out.write(littleEndian((int) size));
    }

    /** The length {@link #write} will produce, for Content-Length. */
    static int length(byte[]... segments) {
        int length = HEADER.length + 8;
        for (byte[] segment : segments) {
            length += segment.length;
        }
        return length;
    }

    private static byte[] littleEndian(int value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }
}
