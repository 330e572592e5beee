import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { LOG_FORMAT, safeLogLevel } from '../../lib/telemetry/logging.ts';

export type { Logger };

export interface LoggerOptions {
  /** @default LOG_LEVEL (info; silent under vitest) */
  level?: LevelWithSilent;
  /** Where the JSON lines go (anything with `write(line)`). @default stdout */
  destination?: DestinationStream;
}

/**
 * A gateway logger: one JSON object per line (`level`, `time`, `name: "gateway"`, `msg`, and
 * the fields of the call), e.g. `{"level":"error",...,"msg":"subgraph fetch failed","service":"hr","requestId":"..."}`.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino({ name: 'gateway', level: opts.level ?? safeLogLevel(), ...LOG_FORMAT }, opts.destination);
}

/** The process's gateway logger (LOG_LEVEL); buildGateway uses it unless given another. */
export const log: Logger = createLogger();
