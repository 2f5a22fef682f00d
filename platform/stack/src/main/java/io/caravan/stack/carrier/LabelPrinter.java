package io.caravan.stack.carrier;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The sandbox carrier's printed documents: a parcel's label — PDF (A6 or a label on A4, PDFBox)
 * or ZPL — with the tracking number as a Code 128 barcode (ZXing) and in plain text, and the
 * CN22/CN23 customs declaration as a PDF. Text is printed in Helvetica, so characters outside
 * Latin-1 print as {@code ?} (a real carrier's label printer is no better; the address stays exact
 * in the booking).
 */
final class LabelPrinter {
    private static final float MM = 72f / 25.4f;
    private static final PDRectangle A6 = new PDRectangle(105 * MM, 148 * MM);

    /** What a label shows besides the barcode. */
    record LabelText(
            String trackingNumber,
            String service,
            String sender,
            String recipient,
            String reference,
            String parcel,
            String notice) {}

    private LabelPrinter() {}

    static byte[] label(String format, LabelText text) {
        return switch (format) {
            case "PDF_A6" -> pdf(A6, text);
            case "PDF_A4" -> pdf(PDRectangle.A4, text);
            case "ZPL" -> zpl(text);
            default -> throw new IllegalArgumentException("no label format " + format);
        };
    }

    static String contentType(String format) {
        return format.equals("ZPL") ? "application/zpl" : "application/pdf";
    }

    private static byte[] pdf(PDRectangle size, LabelText t) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(size);
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float margin = 8 * MM;
            float top = size.getHeight() - margin;
            // a label printed on A4 sits in its top-left quarter, as A6 stock would
            float width = Math.min(size.getWidth(), A6.getWidth()) - 2 * margin;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = top;
                y = line(cs, bold, 12, margin, y, "CARAVAN SANDBOX POST  " + t.service());
                y = line(cs, regular, 8, margin, y - 4, "From: " + t.sender());
                y = line(cs, bold, 10, margin, y - 6, "To: " + t.recipient());
                y = line(cs, regular, 8, margin, y - 4, "Ref: " + t.reference() + "   Parcel " + t.parcel());
                if (t.notice() != null) {
                    y = line(cs, bold, 11, margin, y - 6, t.notice());
                }
                float barHeight = 22 * MM;
                y -= 8 * MM + barHeight;
                barcode(cs, t.trackingNumber(), margin, y, width, barHeight);
                line(cs, bold, 12, margin, y - 2, spaced(t.trackingNumber()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print a label", e);
        }
    }

    /** The CN22 (small) or CN23 customs declaration of a shipment. */
    static byte[] customs(String kind, String trackingNumber, String sender, String recipient, List<String> rows) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(kind.equals("CN22") ? A6 : PDRectangle.A4);
            doc.addPage(page);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float margin = 8 * MM;
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - margin;
                y = line(cs, bold, 12, margin, y, kind + " CUSTOMS DECLARATION  " + trackingNumber);
                y = line(cs, regular, 8, margin, y - 4, "Sender: " + sender);
                y = line(cs, regular, 8, margin, y - 2, "Addressee: " + recipient);
                for (String row : rows) {
                    y = line(cs, regular, 8, margin, y - 2, row);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print a customs declaration", e);
        }
    }

    private static float line(PDPageContentStream cs, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        float baseline = y - size;
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, baseline);
        cs.showText(latin1(text));
        cs.endText();
        return baseline - 2;
    }

    private static void barcode(PDPageContentStream cs, String value, float x, float y, float width, float height)
            throws IOException {
        BitMatrix bars = new Code128Writer().encode(value, BarcodeFormat.CODE_128, 0, 1);
        float module = Math.min(2.2f, width / bars.getWidth());
        for (int i = 0; i < bars.getWidth(); i++) {
            if (bars.get(i, 0)) {
                cs.addRect(x + i * module, y, module, height);
            }
        }
        cs.fill();
    }

    private static byte[] zpl(LabelText t) {
        StringBuilder z = new StringBuilder("^XA^CI28\n");
        z.append("^FO40,40^A0N,40,40^FD")
                .append(zplText("CARAVAN SANDBOX POST " + t.service()))
                .append("^FS\n");
        z.append("^FO40,100^A0N,24,24^FDFrom: ").append(zplText(t.sender())).append("^FS\n");
        z.append("^FO40,140^A0N,30,30^FDTo: ").append(zplText(t.recipient())).append("^FS\n");
        z.append("^FO40,190^A0N,24,24^FDRef: ")
                .append(zplText(t.reference() + " Parcel " + t.parcel()))
                .append("^FS\n");
        if (t.notice() != null) {
            z.append("^FO40,230^A0N,34,34^FD").append(zplText(t.notice())).append("^FS\n");
        }
        z.append("^FO40,300^BY3^BCN,200,Y,N,N^FD").append(t.trackingNumber()).append("^FS\n^XZ\n");
        return z.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String zplText(String text) {
        return text.replace('^', ' ').replace('~', ' ');
    }

    private static String latin1(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xFF ? c : '?');
        }
        return out.toString();
    }

    private static String spaced(String tracking) {
        return tracking.length() == 13
                ? tracking.substring(0, 2) + " " + tracking.substring(2, 5) + " " + tracking.substring(5, 8) + " "
                        + tracking.substring(8, 11) + " " + tracking.substring(11)
                : tracking;
    }
}
