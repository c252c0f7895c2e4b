import { DomainError } from "./errors";

export interface CsvRow {
  /** 1-based line on which the record starts; a quoted field with line breaks carries it over several. */
  line: number;
  fields: string[];
}

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

function syntaxError(line: number, message: string): DomainError {
  return new DomainError("invalid", message, { line });
}

/**
 * Parses RFC 4180 CSV. Accepts LF and lone CR as well as CRLF line breaks, a leading byte-order mark
 * (Excel writes one) and skips empty lines, so a trailing newline adds no record. Misplaced quotes are
 * errors rather than literal text: a stray quote usually means a broken export, and guessing would shift
 * cells into the wrong columns. Errors are DomainError("invalid") with `details.line`.
 */
export function parseCsv(text: string): CsvRow[] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let line = 1;
  let i = 0;

  const readQuoted = (): string => {
    const startLine = line;
    let value = "";
    i += 1;
    for (;;) {
      const quote = input.indexOf('"', i);
      if (quote === -1) {
        throw syntaxError(startLine, 'A quoted field is never closed; add the missing closing quote (").');
      }
      const chunk = input.slice(i, quote);
      line += countLineBreaks(chunk);
      value += chunk;
      i = quote + 1;
      if (input[i] !== '"') return value;
      value += '"';
      i += 1;
    }
  };

  const readUnquoted = (): string => {
    const start = i;
    while (i < input.length && input[i] !== "," && input[i] !== "\n" && input[i] !== "\r") {
      if (input[i] === '"') {
        throw syntaxError(
          line,
          'A field contains a quote but does not start with one; quote the whole field and double the quote ("").',
        );
      }
      i += 1;
    }
    return input.slice(start, i);
  };

  const atRecordEnd = (): boolean => i >= input.length || input[i] === "\n" || input[i] === "\r";

  while (i < input.length) {
    if (!atRecordEnd()) {
      const record: CsvRow = { line, fields: [] };
      for (;;) {
        const quoted = input[i] === '"';
        record.fields.push(quoted ? readQuoted() : readUnquoted());
        if (input[i] === ",") {
          i += 1;
          continue;
        }
        if (!atRecordEnd()) {
          throw syntaxError(
            line,
            'Text follows a closing quote; write a quote inside a quoted field as two quotes ("").',
          );
        }
        break;
      }
      rows.push(record);
    }
    if (input[i] === "\r") i += 1;
    if (input[i] === "\n") i += 1;
    line += 1;
  }
  return rows;
}
