/** Label of a metric observation without an operation name. */
export const ANONYMOUS_OPERATION = '(anonymous)';
/** Label of operation names beyond the cap: clients choose names, Prometheus series must stay bounded. */
export const OTHER_OPERATION = '(other)';

/**
 * Operation names as a metric label: the first `max` distinct names as themselves (cut to 100
 * characters), later new ones as `(other)`, none as `(anonymous)`.
 */
export function operationLabels(max = 500): (name: string | null | undefined) => string {
  const seen = new Set<string>();
  return (name) => {
    if (!name) return ANONYMOUS_OPERATION;
    const label = name.slice(0, 100);
    if (seen.has(label)) return label;
    if (seen.size >= max) return OTHER_OPERATION;
    seen.add(label);
    return label;
  };
}
