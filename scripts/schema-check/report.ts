import type { ChangeReport } from './diff.ts';

export interface Line {
  level: 'error' | 'warn' | 'info';
  text: string;
}

/** One line per change, its graphql-js type first, so a failure says exactly what to accept or fix. */
export function formatReport(report: ChangeReport): Line[] {
  return [
    ...report.breaking.map((c) => ({ level: 'error' as const, text: `BREAKING ${c.type}: ${c.description}` })),
    ...report.accepted.map(({ change: c, acceptance: a }) => ({
      level: 'info' as const,
      text: `accepted ${c.type}: ${c.description} (${a.acceptedOn}: ${a.reason})`,
    })),
    ...report.dangerous.map((c) => ({ level: 'warn' as const, text: `dangerous ${c.type}: ${c.description}` })),
  ];
}

export function printLines(lines: Line[]): void {
  for (const { level, text } of lines) {
    if (level === 'error') console.error(text);
    else if (level === 'warn') console.warn(text);
    else console.log(text);
  }
}
