import { describe, expect, it } from 'vitest';
import { CsvParser, MAX_RECORD_CHARS, type CsvItem } from '../scripts/import/csv.ts';
import { NdjsonParser, type NdjsonItem } from '../scripts/import/ndjson.ts';
import { checkHeader, checkValues, type Column } from '../scripts/import/columns.ts';
import { coercionError } from '../scripts/import/graph.ts';
import { rounds } from '../scripts/import/bulk.ts';
import { findEntity, type BulkEntity } from '../scripts/import/entities.ts';
import { ImportError } from '../scripts/import/types.ts';

/** Feeds `text` to a fresh parser in pieces of `size` characters (0: all at once). */
function csv(text: string, size = 0): CsvItem[] {
  const parser = new CsvParser();
  const out: CsvItem[] = [];
  const step = size || text.length || 1;
  for (let i = 0; i < text.length; i += step) out.push(...parser.push(text.slice(i, i + step)));
  return [...out, ...parser.end()];
}

function ndjson(text: string, size = 0): NdjsonItem[] {
  const parser = new NdjsonParser();
  const out: NdjsonItem[] = [];
  const step = size || text.length || 1;
  for (let i = 0; i < text.length; i += step) out.push(...parser.push(text.slice(i, i + step)));
  return [...out, ...parser.end()];
}

/** The same records whatever the chunk boundaries (every split point of the text is tried). */
function csvEveryChunking(text: string): CsvItem[] {
  const whole = csv(text);
  for (let size = 1; size <= text.length; size++) expect(csv(text, size)).toEqual(whole);
  return whole;
}

describe('CSV parser', () => {
  it('reads records with the physical line each starts on', () => {
    expect(csvEveryChunking('a,b,c\n1,2,3\n4,,6\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '', '6'] },
    ]);
  });

  it('unquotes fields holding commas and doubled quotes', () => {
    expect(csvEveryChunking('"a,b","say ""hi""","",""""\n')).toEqual([{ line: 1, fields: ['a,b', 'say "hi"', '', '"'] }]);
  });

  it('keeps line breaks inside quotes and counts them as lines', () => {
    const text = 'k,comment\n1,"two\nlines"\n2,"three\r\nlines\rhere"\n3,x\n';
    expect(csvEveryChunking(text)).toEqual([
      { line: 1, fields: ['k', 'comment'] },
      { line: 2, fields: ['1', 'two\nlines'] },
      { line: 4, fields: ['2', 'three\r\nlines\rhere'] },
      { line: 7, fields: ['3', 'x'] },
    ]);
  });

  it('takes CRLF, LF and a lone CR as line breaks', () => {
    expect(csvEveryChunking('a,b\r\n1,2\r\n"3",4\r5,6\n7,8')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
      { line: 4, fields: ['5', '6'] },
      { line: 5, fields: ['7', '8'] },
    ]);
  });

  it('drops a leading byte-order mark', () => {
    expect(csvEveryChunking('\uFEFFclientKey,x\n1,2\n')).toEqual([
      { line: 1, fields: ['clientKey', 'x'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('skips blank lines, including an empty trailing line, but counts them', () => {
    expect(csvEveryChunking('a\n\n1\r\n\r\n2\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 3, fields: ['1'] },
      { line: 5, fields: ['2'] },
    ]);
    expect(csv('')).toEqual([]);
    expect(csv('\n\n')).toEqual([]);
  });

  it('keeps a trailing empty field and a last record without a line break', () => {
    expect(csvEveryChunking('a,\n"x"')).toEqual([
      { line: 1, fields: ['a', ''] },
      { line: 2, fields: ['x'] },
    ]);
  });

  it('reports a malformed record on its line and goes on with the next line', () => {
    expect(csvEveryChunking('a,b\n1,x"y\n"2"z,3\n4,5\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'a quote inside an unquoted field (quote the whole field and double its quotes)' },
      { line: 3, error: '"z" after a closing quote (expected a comma or the end of the line)' },
      { line: 4, fields: ['4', '5'] },
    ]);
  });

  it('reports an unterminated quote at the line where its record starts', () => {
    expect(csvEveryChunking('a\n1\n"open\n2\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['1'] },
      { line: 3, error: 'unterminated quoted field: no closing quote before the end of the file' },
    ]);
  });

  it('stops instead of buffering a record without end', () => {
    const parser = new CsvParser();
    parser.push('a\n"');
    const chunk = 'x'.repeat(64 * 1024);
    const feed = () => {
      for (let i = 0; i * chunk.length <= MAX_RECORD_CHARS; i++) parser.push(chunk);
    };
    expect(feed).toThrow(new ImportError(`line 2: a record runs past ${MAX_RECORD_CHARS} characters (an unterminated quote?); stopped reading`));
  });
});

describe('NDJSON parser', () => {
  it('parses one value per line with its line number, whatever the chunks', () => {
    const text = '\uFEFF{"a":1}\r\n\n  \n{"b":"x\\ny"}\nnot json\n[1]';
    const expected = [
      { line: 1, value: { a: 1 } },
      { line: 4, value: { b: 'x\ny' } },
      { line: 5, error: `not valid JSON: Unexpected token 'o', "not json" is not valid JSON` },
      { line: 6, value: [1] },
    ];
    for (let size = 0; size <= text.length; size++) expect(ndjson(text, size)).toEqual(expected);
  });
});

describe('row checks', () => {
  const columns: Column[] = [
    { name: 'key', kind: 'text', required: true },
    { name: 'note', kind: 'text', required: false },
    { name: 'score', kind: 'int', required: true },
    { name: 'ok', kind: 'bool', required: true },
  ];

  it('converts values and makes empty optional ones null', () => {
    expect(checkValues(columns, 2, { key: 'k', note: '', score: '7', ok: 'TRUE' })).toEqual({ values: { key: 'k', note: null, score: 7, ok: true } });
    expect(checkValues(columns, 2, { key: 'k', score: -3, ok: false })).toEqual({ values: { key: 'k', note: null, score: -3, ok: false } });
  });

  it('rejects the first structural problem of a row, naming its column', () => {
    const cases: [Record<string, unknown>, string | null, string, string][] = [
      [{ key: 'k', score: 1, ok: true, extra: 1 }, 'extra', 'EXTRA_COLUMN', '"extra" is not a column of this entity'],
      [{ score: 1, ok: true }, 'key', 'MISSING_COLUMN', 'the row has no value for this required column'],
      [{ key: '  ', score: 1, ok: true }, 'key', 'MISSING_VALUE', 'a required value is empty'],
      [{ key: null, score: 1, ok: true }, 'key', 'MISSING_VALUE', 'a required value is empty'],
      [{ key: 5, score: 1, ok: true }, 'key', 'NOT_A_STRING', 'must be a string, got 5'],
      [{ key: 'k', score: '7.5', ok: true }, 'score', 'NOT_AN_INTEGER', 'must be an integer, got "7.5"'],
      [{ key: 'k', score: 1e20, ok: true }, 'score', 'NOT_AN_INTEGER', 'must be an integer, got 100000000000000000000'],
      [{ key: 'k', score: 1, ok: 'yes' }, 'ok', 'NOT_A_BOOLEAN', 'must be true or false, got "yes"'],
    ];
    for (const [raw, field, code, reason] of cases) {
      expect(checkValues(columns, 9, raw)).toEqual({ reject: { line: 9, field, code, reason } });
    }
  });

  it('refuses a header with an unknown, repeated or missing column', () => {
    expect(() => checkHeader(columns, ['key', 'score', 'ok', 'x'])).toThrow(
      new ImportError('line 1: unknown column "x"; the columns are key, note (optional), score, ok'),
    );
    expect(() => checkHeader(columns, ['key', 'key'])).toThrow(new ImportError('line 1: column "key" appears twice in the header'));
    expect(() => checkHeader(columns, ['note', 'key'])).toThrow(new ImportError('line 1: the header lacks the required columns score, ok'));
    expect(checkHeader(columns, ['ok', 'score', 'key'])).toBeUndefined();
  });
});

describe('server errors', () => {
  it('finds the item and field of a value the gateway could not coerce', () => {
    expect(coercionError('Variable "$items" got invalid value "CLICK" at "items[3].type"; Value "CLICK" does not exist in "EngagementType" enum.')).toEqual({
      variable: 'items',
      path: '[3].type',
      reason: 'Value "CLICK" does not exist in "EngagementType" enum.',
    });
    // A value that itself looks like a location is printed escaped and does not fool the match.
    expect(coercionError('Variable "$i2" got invalid value "x\\" at \\"i9.y\\"; z" at "i2.channel"; Value "x\\" at \\"i9.y\\"; z" does not exist.')).toEqual({
      variable: 'i2',
      path: '.channel',
      reason: 'Value "x\\" at \\"i9.y\\"; z" does not exist.',
    });
    expect(coercionError('Variable "$items" got invalid value { a: 1 } at "items[0]"; Field "type" of required type "EngagementType!" was not provided.')).toEqual({
      variable: 'items',
      path: '[0].type',
      reason: 'Field "type" of required type "EngagementType!" was not provided.',
    });
    // The same scalar error, thrown by a GraphQLError class graphql-js does not recognise.
    expect(coercionError('Variable "$items" got invalid value "x" at "items[1].occurredAt"; Expected type "DateTime". DateTime must be ISO')).toEqual({
      variable: 'items',
      path: '[1].occurredAt',
      reason: 'DateTime must be ISO',
    });
    expect(coercionError('campaign "cmp-9" not found')).toBeNull();
  });

  it('sends the n-th occurrence of a client key in the n-th request, so no request repeats a key', () => {
    const events = findEntity('campaigns', 'events') as BulkEntity;
    const row = (line: number, clientKey: string) => ({ line, input: { clientKey } });
    expect(rounds(events, [row(2, 'a'), row(3, 'b'), row(4, 'a'), row(5, 'a'), row(6, 'c'), row(7, 'b')])).toEqual([
      [row(2, 'a'), row(3, 'b'), row(6, 'c')],
      [row(4, 'a'), row(7, 'b')],
      [row(5, 'a')],
    ]);
  });
});
