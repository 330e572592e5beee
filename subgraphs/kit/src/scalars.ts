import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseInstant } from './validate.ts';

function parseIso(value: unknown): string {
  const date = typeof value === 'string' ? parseInstant(value) : null;
  if (!date) {
    throw new GraphQLError(`DateTime must be an ISO 8601 date-time such as 2026-03-01T12:00:00Z, got ${JSON.stringify(value)}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date.toISOString();
}

/** ISO 8601 instants: Date or string out (always UTC `...Z`), strictly validated ISO string in. */
export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseIso(value)),
  parseValue: parseIso,
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : undefined),
});
