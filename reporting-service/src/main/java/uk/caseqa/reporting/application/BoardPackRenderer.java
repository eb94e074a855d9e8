package uk.caseqa.reporting.application;

/**
 * Port: writes a board pack in one file format, a printable report for the board or tables for analysts to reuse.
 * Each format has one renderer; the web adapter serves whichever is asked for.
 */
public interface BoardPackRenderer {

    /** The file formats a board pack is written in, with the file name extension and media type of each. */
    enum Format {
        PDF("pdf", "application/pdf"),
        CSV("csv", "text/csv;charset=UTF-8"),
        XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        private final String extension;
        private final String mediaType;

        Format(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The name a downloaded pack is saved under, e.g. {@code swindon-2026-10-board-pack.pdf}. */
        public String fileName(BoardPack pack) {
            return pack.localAuthority() + "-" + pack.period().key() + "-board-pack." + extension;
        }
    }

    /** The format this renderer writes. */
    Format format();

    /** The pack as the bytes of one file in {@link #format()}. */
    byte[] render(BoardPack pack);
}
