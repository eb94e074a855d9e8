package uk.caseqa.reporting.adapter.out.pack;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import uk.caseqa.reporting.application.BoardPack;
import uk.caseqa.reporting.application.BoardPackRenderer;

/**
 * Prints a board pack as an A4 PDF: the pack's XHTML page ({@link BoardPackPage}) laid out by openhtmltopdf on
 * PDFBox. The page may load nothing but the charts it carries as {@code data:} URIs, so rendering never reaches
 * out to a file or the network.
 */
@Component
class PdfBoardPackRenderer implements BoardPackRenderer {

    @Override
    public Format format() {
        return Format.PDF;
    }

    @Override
    public byte[] render(BoardPack pack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withHtmlContent(BoardPackPage.of(pack), null);
        builder.withProducer("Case QA reporting-service");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
