import { trace } from '@opentelemetry/api';
import pino, { type LevelWithSilent, type LoggerOptions } from 'pino';
import { tracingEnabled } from './tracing.ts';

type Env = Record<string, string | undefined>;

const LEVELS: readonly LevelWithSilent[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * LOG_LEVEL (fatal, error, warn, info, debug, trace or silent); unset: `info`, or `silent`
 * under vitest (VITEST set) so test output stays readable. Throws naming the variable on a
 * value pino does not know.
 */
export function logLevel(env: Env = process.env): LevelWithSilent {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return env.VITEST ? 'silent' : 'info';
  if (!(LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return raw as LevelWithSilent;
}

/** `logLevel(env)`, falling back to `info` when LOG_LEVEL is invalid (configuration reports that). */
export function safeLogLevel(env: Env = process.env): LevelWithSilent {
  try {
    return logLevel(env);
  } catch {
    return 'info';
  }
}

/**
 * The JSON line format shared by the gateway and the subgraphs (pino): `level` as its name
 * (`"error"`, not 50), ISO `time`, `msg`, and the trace id of the active span while tracing
 * is on, so a log line leads to its trace.
 */
export const LOG_FORMAT: Pick<LoggerOptions, 'formatters' | 'timestamp' | 'mixin'> = {
  formatters: { level: (label) => ({ level: label }) },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => {
    if (!tracingEnabled()) return {};
    const span = trace.getActiveSpan();
    return span ? { traceId: span.spanContext().traceId } : {};
  },
};
