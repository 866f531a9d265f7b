import { describe, expect, it } from 'vitest';
import { formatCsv } from '@/lib/org/format-csv';
import { parseCsv } from '@/lib/org/parse-csv';

describe('reading CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line', () => {
    const result = parseCsv('\uFEFFa,b,c\r\n"x, y","say ""hi""","two\nlines"\n\nlast,,\n');

    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
        { line: 5, fields: ['last', '', ''] },
      ],
    });
  });

  it('keeps an empty quoted field and a last record without a line break', () => {
    expect(parseCsv('"",b\n"q"')).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['', 'b'] },
        { line: 2, fields: ['q'] },
      ],
    });
  });

  it('refuses an unclosed quote, a stray quote and text after a closing quote, naming the line', () => {
    expect(parseCsv('a\n"open,b')).toMatchObject({ ok: false, line: 2, message: 'A quoted field is never closed.' });
    expect(parseCsv('a\nx"y')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('"a"b')).toMatchObject({ ok: false, line: 1 });
  });
});

describe('writing CSV', () => {
  it('quotes what needs quoting and reads back the same', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quote"', 'two\nlines', ''],
      ['=SUM(A1)', '-5', '@home', '+1'],
    ];
    const text = formatCsv(rows);

    expect(text).toBe('plain,"with, comma","with ""quote""","two\nlines",\r\n\'=SUM(A1),-5,\'@home,\'+1\r\n');
    const back = parseCsv(text);
    expect(back.ok && back.records.map((record) => record.fields)).toEqual([
      rows[0],
      ["'=SUM(A1)", '-5', "'@home", "'+1"],
    ]);
  });
});
