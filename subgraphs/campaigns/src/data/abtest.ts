import { twoProportionTest } from './stats.ts';
import type { AbTestResult, VariantResultRow, VariantRow } from './rows.ts';

/**
 * Smallest number of delivered customers each arm (control and challenger) needs before a
 * winner may be declared. Below it the normal approximation of the z-test is shaky and
 * stopping on an early lucky streak inflates false positives.
 */
export const MINIMUM_SAMPLE_PER_ARM = 100;

/** Significance level of the two-sided test (95%). */
export const ALPHA = 0.05;

/** A variant with its unique delivered and converted customers. */
export type ArmCounts = VariantRow & { delivered: number; converted: number };

/**
 * The A/B result of one campaign from its arms (control first is not required).
 * Null with fewer than two variants, or without a control: there is nothing to test against.
 */
export function buildAbTest(arms: readonly ArmCounts[]): AbTestResult | null {
  const controlArm = arms.find((a) => a.isControl);
  if (arms.length < 2 || !controlArm) return null;
  const ordered = [controlArm, ...arms.filter((a) => a !== controlArm)];
  const results = ordered.map((arm) => variantResult(arm, controlArm));
  const control = results[0];
  const challengers = results.slice(1);

  const eligible = challengers.filter(
    (r) =>
      r.pValue !== null &&
      r.pValue < ALPHA &&
      (r.absoluteLift ?? 0) > 0 &&
      r.delivered >= MINIMUM_SAMPLE_PER_ARM &&
      control.delivered >= MINIMUM_SAMPLE_PER_ARM,
  );
  // Best = highest conversion rate; a smaller p-value breaks ties.
  const best = [...eligible].sort(
    (a, b) => (b.conversionRate ?? 0) - (a.conversionRate ?? 0) || (a.pValue ?? 1) - (b.pValue ?? 1),
  )[0];
  const winner = best?.variant ?? null;
  return {
    control: stripCounts(controlArm),
    results,
    winner,
    significant: winner !== null,
    verdict: verdict(control, challengers, best ?? null),
    minimumSamplePerArm: MINIMUM_SAMPLE_PER_ARM,
  };
}

function variantResult(arm: ArmCounts, control: ArmCounts): VariantResultRow {
  const conversionRate = rate(arm.converted, arm.delivered);
  const base = { variant: stripCounts(arm), delivered: arm.delivered, converted: arm.converted, conversionRate };
  const none = { absoluteLift: null, relativeLift: null, pValue: null, confidenceLow: null, confidenceHigh: null };
  if (arm === control) return { ...base, ...none };
  const test = twoProportionTest(control.converted, control.delivered, arm.converted, arm.delivered);
  if (test === null) return { ...base, ...none };
  const controlRate = control.converted / control.delivered;
  return {
    ...base,
    absoluteLift: test.difference,
    relativeLift: controlRate === 0 ? null : test.difference / controlRate,
    pValue: test.pValue,
    confidenceLow: test.low,
    confidenceHigh: test.high,
  };
}

function verdict(control: VariantResultRow, challengers: VariantResultRow[], best: VariantResultRow | null): string {
  const c = control.variant.name;
  if (best) {
    return `${best.variant.name} beats control ${c}: ${points(best.absoluteLift ?? 0)}, ${formatP(best.pValue ?? 1)}`;
  }
  const small = [control, ...challengers].find((r) => r.delivered < MINIMUM_SAMPLE_PER_ARM);
  if (small) {
    return `not yet significant: arm ${small.variant.name} has ${small.delivered} delivered, needs ${MINIMUM_SAMPLE_PER_ARM}`;
  }
  // Every arm has enough data here, so every challenger has a p-value.
  const closest = [...challengers].sort((a, b) => (a.pValue ?? 1) - (b.pValue ?? 1))[0];
  const p = closest.pValue ?? 1;
  if (p < ALPHA) {
    return `no variant beats control ${c}: ${closest.variant.name} is ${points(closest.absoluteLift ?? 0)}, ${formatP(p)}`;
  }
  return `not yet significant: ${formatP(p)} (${closest.variant.name} vs control ${c})`;
}

function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function stripCounts(arm: ArmCounts): VariantRow {
  return { id: arm.id, campaignId: arm.campaignId, name: arm.name, isControl: arm.isControl };
}

/** Lift in percentage points, signed, one decimal: "+3.1 pts". */
function points(lift: number): string {
  const pts = (lift * 100).toFixed(1);
  return `${lift > 0 ? '+' : ''}${pts} pts`;
}

/** p-value with the precision a reader needs: "p<0.001", "p=0.004", "p=0.21". */
function formatP(p: number): string {
  if (p < 0.001) return 'p<0.001';
  // Three decimals near the 0.05 threshold so 0.049 never reads as "0.05".
  return `p=${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}
