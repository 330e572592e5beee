import { badInput } from './errors.ts';

/** ISO 4217 currencies the graph accepts, with their minor-unit exponent. */
export const CURRENCIES: Readonly<Record<string, number>> = {
  EUR: 2, USD: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CAD: 2, AUD: 2, JPY: 0,
};

export interface Money {
  /** Exact decimal string, e.g. "1234.50". */
  amount: string;
  currency: string;
}

export function assertCurrency(field: string, currency: string): string {
  if (!(currency in CURRENCIES)) {
    throw badInput(field, `unsupported currency "${currency}"; expected one of ${Object.keys(CURRENCIES).join(', ')}`);
  }
  return currency;
}

/** Formats integer minor units (bigint or its decimal string) as an exact decimal string. */
export function formatMinor(minor: bigint | string | number, currency: string): Money {
  const exp = CURRENCIES[currency] ?? 2;
  const value = BigInt(minor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp);
  const frac = exp > 0 ? `.${digits.slice(-exp)}` : '';
  return { amount: `${negative ? '-' : ''}${whole}${frac}`, currency };
}

/** Parses a decimal string into minor units, refusing more precision than the currency has. */
export function parseAmount(field: string, amount: string, currency: string): bigint {
  const exp = CURRENCIES[currency] ?? 2;
  const match = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw badInput(field, `"${amount}" is not a decimal amount`);
  const frac = match[3] ?? '';
  if (frac.length > exp) throw badInput(field, `"${amount}" has more than ${exp} decimals for ${currency}`);
  const minor = BigInt(match[2] + frac.padEnd(exp, '0'));
  return match[1] === '-' ? -minor : minor;
}
