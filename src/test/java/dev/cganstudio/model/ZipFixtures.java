package dev.cganstudio.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zip files written byte by byte, so that a test can make the central directory lie about an
 * entry's size (PKWARE APPNOTE 6.3.9: sections 4.3.7 local header, 4.3.12 central directory
 * header, 4.3.16 end of central directory, 4.5.3 ZIP64 extra field).
 */
final class ZipFixtures {

    private static final int LOCAL_HEADER = 0x04034b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int VERSION_ZIP64 = 45;
    private static final short STORED = 0;
    private static final short DEFLATED = 8;
    /** 1980-01-01, the earliest DOS date. */
    private static final short DOS_DATE = 0x21;
    private static final int ZIP64_MARKER = 0xFFFFFFFF;
    private static final short ZIP64_EXTRA_ID = 0x0001;
    private static final long LARGEST_32_BIT = 0xFFFFFFFFL;

    /**
     * One entry.
     *
     * @param name its name
     * @param content the bytes it inflates to
     * @param declaredSize the uncompressed size the central directory claims
     * @param deflate whether to compress (otherwise stored)
     */
    record Entry(String name, byte[] content, long declaredSize, boolean deflate) {

        /** An entry that tells the truth, stored. */
        static Entry honest(String name, byte[] content) {
            return new Entry(name, content, content.length, false);
        }
    }

    private ZipFixtures() {
    }

    /** A zip of the entries; sizes beyond 32 bits are declared in a ZIP64 extra field. */
    static byte[] zip(List<Entry> entries) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteArrayOutputStream directory = new ByteArrayOutputStream();
        for (Entry entry : entries) {
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] data = entry.deflate() ? deflate(entry.content()) : entry.content();
            CRC32 crc = new CRC32();
            crc.update(entry.content());
            short method = entry.deflate() ? DEFLATED : STORED;
            int offset = file.size();
            boolean zip64 = entry.declaredSize() > LARGEST_32_BIT;

            ByteBuffer local = little(30 + name.length);
            local.putInt(LOCAL_HEADER).putShort((short) VERSION_ZIP64).putShort((short) 0).putShort(method)
                    .putShort((short) 0).putShort(DOS_DATE).putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(entry.content().length).putShort((short) name.length).putShort((short) 0).put(name);
            file.writeBytes(local.array());
            file.writeBytes(data);

            ByteBuffer central = little(46 + name.length + (zip64 ? 12 : 0));
            central.putInt(CENTRAL_HEADER).putShort((short) VERSION_ZIP64).putShort((short) VERSION_ZIP64)
                    .putShort((short) 0).putShort(method).putShort((short) 0).putShort(DOS_DATE)
                    .putInt((int) crc.getValue()).putInt(data.length)
                    .putInt(zip64 ? ZIP64_MARKER : (int) entry.declaredSize())
                    .putShort((short) name.length).putShort((short) (zip64 ? 12 : 0)).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(name);
            if (zip64) {
                central.putShort(ZIP64_EXTRA_ID).putShort((short) 8).putLong(entry.declaredSize());
            }
            directory.writeBytes(central.array());
        }
        int directoryOffset = file.size();
        file.writeBytes(directory.toByteArray());
        ByteBuffer end = little(22);
        end.putInt(END_OF_DIRECTORY).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(directory.size()).putInt(directoryOffset).putShort((short) 0);
        file.writeBytes(end.array());
        return file.toByteArray();
    }

    /** An ordinary zip, as java.util.zip writes it. */
    static byte[] ordinaryZip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
