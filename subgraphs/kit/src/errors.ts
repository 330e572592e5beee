import mercurius from 'mercurius';

const { ErrorWithProps } = mercurius;

export interface ErrorSpec {
  /** Default message; callers may give a more specific one. */
  message: string;
}

/**
 * A stable, department-owned error: `extensions.code` is the contract clients rely on,
 * `extensions.field` (for bad input) names the argument path that was wrong.
 */
export class GraphError extends ErrorWithProps {
  readonly code: string;
  constructor(code: string, message: string, extra: Record<string, unknown> = {}) {
    super(message, { code, ...extra });
    this.code = code;
  }
}

/** Every subgraph's shared codes; departments add their own with `defineErrors`. */
export const kitErrors = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
} as const;

/** Raised for input that fails validation; nothing has been written when it is thrown. */
export function badInput(field: string, message: string): GraphError {
  return new GraphError(kitErrors.BAD_USER_INPUT, `${field}: ${message}`, { field });
}

/**
 * Declares a department's error catalogue. Returns one factory per code, so a thrown
 * error always carries a code from the catalogue and a consistent message.
 */
export function defineErrors<K extends string>(
  catalogue: Record<K, ErrorSpec>,
): Record<K, (details?: { message?: string; field?: string; [key: string]: unknown }) => GraphError> {
  const out = {} as Record<K, (details?: { message?: string; field?: string }) => GraphError>;
  for (const code of Object.keys(catalogue) as K[]) {
    out[code] = (details = {}) => {
      const { message, ...extra } = details;
      return new GraphError(code, message ?? catalogue[code].message, extra);
    };
  }
  return out;
}
