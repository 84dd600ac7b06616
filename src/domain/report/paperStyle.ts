/**
 * The page of an administrative paper (Nghị định 30/2020/NĐ-CP, Phụ lục I), written once: the sheet
 * renderer and the Word renderer both take their font, margins and the sizes they share from here.
 */
export const PAPER_STYLE = {
  font: "Times New Roman",
  /** A4 portrait, in centimetres. */
  marginsCm: { top: 2, bottom: 2, left: 3, right: 1.5 },
  size: {
    /** The issuer's name and the number line. */
    header: 13,
    /** The motto, the date line, the title and the summary line. */
    title: 14,
    /** A table's cells. */
    table: 12,
    /** `Nơi nhận:` and its items. */
    recipientsTitle: 12,
    recipients: 11,
  },
} as const;
