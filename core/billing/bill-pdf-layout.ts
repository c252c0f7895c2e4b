import { fitted, pdfText } from "./bill-pdf-text";

/** US Letter in points (1/72 inch): the page, and the part of it that content flows through. */
export const PAGE = { width: 612, height: 792, left: 40, right: 572, top: 40, bottom: 744 };
const FOOTER_Y = 760;

export const INK = "#1c1917";
export const MUTED = "#57534e";
export const RULE = "#d6d3d1";
const SHADE = "#f5f5f4";
const WATERMARK = "#b91c1c";

export type Font = "Helvetica" | "Helvetica-Bold";

export interface TextStyle {
  font?: Font;
  size?: number;
  color?: string;
  /** The text is cut with an ellipsis to fit this width; right-aligned text ends at `x + width`. */
  width?: number;
  align?: "left" | "right";
}

/** What every page shows: the footer's text, and a watermark across a draft. */
export interface Running {
  footer: string;
  watermark: string | null;
}

export interface Column {
  title: string;
  width: number;
  align?: "left" | "right";
}

export const ROW_HEIGHT = 14;
export const HEADER_HEIGHT = 18;

/**
 * Where the next thing goes: the page and the height on it. The same layout runs twice: dry (no
 * document) to count the pages, then for real, so the footer can say "Page 3 of 12" without keeping
 * pages in memory. Everything that moves down the page goes through `room`, in both runs alike.
 */
export class Flow {
  page = 1;
  y = PAGE.top;

  constructor(
    private readonly doc: PDFKit.PDFDocument | null,
    private readonly running: Running,
    private readonly pages: number | null = null,
  ) {
    this.decorate();
  }

  /** Makes room for `height` more on this page, or turns to the next; true when it turned. */
  room(height: number): boolean {
    if (this.y + height <= PAGE.bottom) return false;
    this.finishPage();
    this.page += 1;
    this.y = PAGE.top;
    this.doc?.addPage();
    this.decorate();
    return true;
  }

  /**
   * The watermark goes over a finished page, faint, so that shaded rows cannot hide it; called by
   * `room` when it turns the page and by the document's maker after the last.
   */
  finishPage(): void {
    const doc = this.doc;
    if (!doc || !this.running.watermark) return;
    doc.save();
    doc.rotate(-35, { origin: [PAGE.width / 2, PAGE.height / 2] });
    doc.font("Helvetica-Bold").fontSize(110).fillColor(WATERMARK).fillOpacity(0.07);
    const left = (PAGE.width - doc.widthOfString(this.running.watermark)) / 2;
    doc.text(this.running.watermark, left, PAGE.height / 2 - 40, { lineBreak: false });
    doc.restore();
  }

  /** One line of text at (x, y), as the font can draw it, cut to its width. */
  text(value: string, x: number, y: number, style: TextStyle = {}): void {
    const doc = this.doc;
    if (!doc) return;
    doc
      .font(style.font ?? "Helvetica")
      .fontSize(style.size ?? 8)
      .fillColor(style.color ?? INK);
    const drawn = pdfText(value);
    const shown = style.width === undefined ? drawn : fitted(drawn, style.width, (t) => doc.widthOfString(t));
    const left =
      style.align === "right" && style.width !== undefined ? x + style.width - doc.widthOfString(shown) : x;
    doc.text(shown, left, y, { lineBreak: false });
  }

  rule(y: number, color = RULE, left: number = PAGE.left, right: number = PAGE.right): void {
    this.doc?.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor(color).stroke();
  }

  shade(y: number, height: number, color = SHADE): void {
    this.doc
      ?.rect(PAGE.left, y, PAGE.right - PAGE.left, height)
      .fillColor(color)
      .fill();
  }

  /** A table's heading row: what a table begins with, on every page it runs onto. */
  tableHeader(columns: readonly Column[]): void {
    this.room(HEADER_HEIGHT + ROW_HEIGHT);
    this.cells(
      columns,
      columns.map((column) => column.title),
      this.y + 4,
      { font: "Helvetica-Bold", color: MUTED },
    );
    this.rule(this.y + HEADER_HEIGHT - 2, MUTED);
    this.y += HEADER_HEIGHT;
  }

  /** One row of a table, one line high; the heading is repeated when the row starts a new page. */
  tableRow(
    columns: readonly Column[],
    values: readonly string[],
    style: TextStyle = {},
    shaded = false,
  ): void {
    if (this.room(ROW_HEIGHT)) this.tableHeader(columns);
    if (shaded) this.shade(this.y, ROW_HEIGHT);
    this.cells(columns, values, this.y + 3.5, style);
    this.y += ROW_HEIGHT;
  }

  private cells(columns: readonly Column[], values: readonly string[], y: number, style: TextStyle): void {
    let x = PAGE.left;
    columns.forEach((column, index) => {
      // Four points of air between columns, taken from the column's own side.
      const inset = column.align === "right" ? 0 : 2;
      this.text(values[index] ?? "", x + inset, y, {
        ...style,
        width: column.width - 6,
        align: column.align ?? "left",
      });
      x += column.width;
    });
  }

  /** What each page carries around its content: the footer with the bill and the page number. */
  private decorate(): void {
    this.rule(FOOTER_Y - 6);
    this.text(this.running.footer, PAGE.left, FOOTER_Y, { size: 7.5, color: MUTED, width: 400 });
    const pageOf = this.pages === null ? `Page ${this.page}` : `Page ${this.page} of ${this.pages}`;
    this.text(pageOf, PAGE.right - 120, FOOTER_Y, { size: 7.5, color: MUTED, width: 120, align: "right" });
  }
}
