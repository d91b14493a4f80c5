package kr.salonmate.api.naver;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file. Naver's download and a file saved by a Korean Excel differ: UTF-8 with or
 * without a byte order mark, or CP949 (Microsoft's superset of EUC-KR). A CP949 file full of Hangul is almost never
 * valid UTF-8, so strict UTF-8 is tried first and CP949 is the fallback; a BOM is dropped.
 */
record CsvText(String text, Charset charset) {

    /** CP949 as Java names it; it reads every EUC-KR file too. */
    static final Charset CP949 = Charset.forName("x-windows-949");
    private static final char BOM = '\uFEFF';

    static CsvText decode(byte[] bytes) {
        try {
            return new CsvText(withoutBom(strictly(StandardCharsets.UTF_8, bytes)), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new CsvText(withoutBom(strictly(CP949, bytes)), CP949);
            } catch (CharacterCodingException notCp949) {
                throw new UnreadableEncoding();
            }
        }
    }

    private static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** Neither UTF-8 nor CP949: the file is not a text export (a spreadsheet saved as .xlsx, an image, …). */
    static final class UnreadableEncoding extends RuntimeException {
        UnreadableEncoding() {
            super("The file is neither UTF-8 nor CP949/EUC-KR text", null, false, false);
        }
    }
}
