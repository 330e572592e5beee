import { describe, expect, it } from 'vitest';
import { formatMinor, parseAmount } from '../subgraphs/kit/src/money.ts';
import { decodeCursor, encodeCursor, pageSize } from '../subgraphs/kit/src/pagination.ts';
import { loadDataConfig, dbTargetFor } from '../subgraphs/kit/src/config.ts';
import { clientKeys, dateTime, email } from '../subgraphs/kit/src/validate.ts';

const inputError = (field: string, message: string) => expect.objectContaining({ message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } });

describe('money', () => {
  it('formats minor units exactly, whatever their size', () => {
    expect(formatMinor('123456789012345678', 'EUR')).toEqual({ amount: '1234567890123456.78', currency: 'EUR' });
    expect(formatMinor(5n, 'USD')).toEqual({ amount: '0.05', currency: 'USD' });
    expect(formatMinor(-150, 'EUR')).toEqual({ amount: '-1.50', currency: 'EUR' });
    expect(formatMinor(1500, 'JPY')).toEqual({ amount: '1500', currency: 'JPY' });
  });

  it('parses decimal strings without floating point, refusing extra precision', () => {
    expect(parseAmount('a', '19.99', 'EUR')).toBe(1999n);
    expect(parseAmount('a', '0.1', 'EUR')).toBe(10n);
    expect(parseAmount('a', '7', 'JPY')).toBe(7n);
    expect(() => parseAmount('input.budget.amount', '1.234', 'EUR')).toThrow('input.budget.amount: "1.234" has more than 2 decimals for EUR');
    expect(() => parseAmount('input.budget.amount', '1e3', 'EUR')).toThrow('input.budget.amount: "1e3" is not a decimal amount');
  });
});

describe('pagination', () => {
  it('round-trips cursors and refuses foreign ones', () => {
    const at = new Date('2025-02-03T04:05:06.000Z');
    const byCreation = { name: 'CREATED_AT', column: 'created_at', type: 'timestamptz' } as const;
    expect(decodeCursor(encodeCursor('CREATED_AT', at, 'cus-1'), byCreation)).toEqual(['2025-02-03T04:05:06.000Z', 'cus-1']);
    // Microseconds survive; whole milliseconds read the same as a JS Date's.
    expect(decodeCursor(encodeCursor('CREATED_AT', '2025-02-03T04:05:06.123456Z', 'c'), byCreation)).toEqual(['2025-02-03T04:05:06.123456Z', 'c']);
    expect(encodeCursor('CREATED_AT', '2025-02-03T04:05:06.000000Z', 'cus-1')).toBe(encodeCursor('CREATED_AT', at, 'cus-1'));
    expect(() => decodeCursor('bm9wZQ', byCreation)).toThrow('after: is not a cursor returned by this list');
    expect(() => decodeCursor(encodeCursor('LAST_NAME', 'Hopper', 'e1'), byCreation)).toThrow(
      'after: is a cursor of the LAST_NAME order; this list is ordered by CREATED_AT',
    );
    expect(() => decodeCursor(encodeCursor('CREATED_AT', 'Hopper', 'e1'), byCreation)).toThrow('after: is not a cursor returned by this list');
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow('first: must be from 1 to 100, got 101');
    expect(() => pageSize(0)).toThrow('first: must be from 1 to 100, got 0');
  });
});

describe('validation', () => {
  it('names the field that is wrong', () => {
    expect(() => email('input.email', 'not-an-email')).toThrow(inputError('input.email', '"not-an-email" is not a valid email address'));
    expect(() => dateTime('from', '2025-13-45')).toThrow(inputError('from', '"2025-13-45" is not an ISO 8601 date-time'));
    expect(() => dateTime('from', '2026-02-30T10:00:00Z')).toThrow(inputError('from', '"2026-02-30T10:00:00Z" is not an ISO 8601 date-time'));
    expect(dateTime('from', '2024-02-29T23:59:59+02:00')).toEqual(new Date('2024-02-29T21:59:59Z'));
    expect(dateTime('from', '2025-03-01T10:00')).toEqual(new Date('2025-03-01T10:00:00Z'));
    expect(() => clientKeys('events', ['a', 'b', 'a'])).toThrow(inputError('events[2].clientKey', '"a" appears twice in the batch'));
  });
});

describe('data config', () => {
  it('uses PGlite by default, one directory shared or one per department alone', () => {
    const config = loadDataConfig({ DATA_DIR: '/tmp/x' });
    expect(dbTargetFor(config, 'crm', 'shared')).toEqual({ kind: 'pglite', dataDir: '/tmp/x/graph' });
    expect(dbTargetFor(config, 'hr', 'alone')).toEqual({ kind: 'pglite', dataDir: '/tmp/x/hr' });
  });

  it('switches to PostgreSQL with DATABASE_URL, with per-department overrides', () => {
    const config = loadDataConfig({ DATABASE_URL: 'postgres://a/main', SALES_DATABASE_URL: 'postgresql://b/sales' });
    expect(dbTargetFor(config, 'crm', 'shared')).toEqual({ kind: 'postgres', url: 'postgres://a/main' });
    expect(dbTargetFor(config, 'sales', 'alone')).toEqual({ kind: 'postgres', url: 'postgresql://b/sales' });
  });

  it('fails fast naming the bad variable', () => {
    expect(() => loadDataConfig({ DATABASE_URL: 'mysql://x' })).toThrow('DATABASE_URL must be a postgres:// or postgresql:// URL');
    expect(() => loadDataConfig({ SEED_SCALE: 'lots' })).toThrow('SEED_SCALE must be an integer from 0 to 1000, got "lots"');
  });
});
