export interface CsvRecord {
  /** Line of the file the record starts on (1 = the first line). */
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/**
 * Reads comma-separated text (RFC 4180): fields may be quoted, a quote inside
 * a quoted field is written twice, and a quoted field may span lines. CRLF and
 * LF both end a record, a leading byte-order mark is dropped, and blank lines
 * are skipped (spreadsheets add them at the end).
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let fieldStarted = false;
  let closedQuote = false;

  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = '';
    fieldStarted = false;
    closedQuote = false;
  };

  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index += 1;
        } else {
          quoted = false;
          closedQuote = true;
        }
      } else {
        if (char === '\n') line += 1;
        field += char;
      }
      continue;
    }
    if (closedQuote && char !== ',' && char !== '\r' && char !== '\n') {
      return { ok: false, line, message: 'Text follows a closing quote; a quote inside a quoted field is written twice ("").' };
    }
    if (char === '"') {
      if (field !== '') {
        return { ok: false, line, message: 'A quote appears inside an unquoted field; quote the whole field and double the quote ("").' };
      }
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      closedQuote = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[index + 1] === '\n') index += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += char;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'A quoted field is never closed.' };
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return { ok: true, records };
}
