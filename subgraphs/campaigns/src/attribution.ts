/**
 * Multi-touch attribution of one order's revenue to the campaign touches before it.
 * Pure and exact: credits are integer minor units that always sum to the order total.
 */
export type AttributionModel = 'LAST_TOUCH' | 'FIRST_TOUCH' | 'LINEAR' | 'TIME_DECAY';

export interface Touch {
  id: string;
  campaignId: string;
  occurredAt: Date;
}

export interface Credit<T extends Touch> {
  touch: T;
  /** Minor units of the order's currency. */
  creditMinor: bigint;
  /** Exact share of the order the model gives this touch, 0..1. */
  share: number;
}

const DAY_MS = 86_400_000;

/** Model weights of touches already sorted oldest first (ties broken by id). */
function weights(model: AttributionModel, touches: readonly Touch[], placedAt: Date, halfLifeDays: number): number[] {
  const n = touches.length;
  switch (model) {
    case 'LAST_TOUCH':
      return touches.map((_, i) => (i === n - 1 ? 1 : 0));
    case 'FIRST_TOUCH':
      return touches.map((_, i) => (i === 0 ? 1 : 0));
    case 'LINEAR':
      return touches.map(() => 1);
    case 'TIME_DECAY': {
      // Ages counted from the youngest touch: the same ratios as from the order, but the
      // youngest weighs 1, so very old touches or tiny half-lives cannot underflow all to 0.
      const youngest = placedAt.getTime() - touches[n - 1].occurredAt.getTime();
      return touches.map((t) => 2 ** (-(placedAt.getTime() - t.occurredAt.getTime() - youngest) / (halfLifeDays * DAY_MS)));
    }
  }
}

export function byTime<T extends Touch>(a: T, b: T): number {
  return a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Splits `totalMinor` over `touches` (all before the order, inside the lookback window) by
 * the model's weights, with the largest-remainder method: every touch gets the floor of its
 * exact share, and the cents left over go one each to the largest remainders (ties to the
 * later touch). No touches: no credits.
 */
export function attribute<T extends Touch>(
  totalMinor: bigint,
  placedAt: Date,
  touches: readonly T[],
  model: AttributionModel,
  halfLifeDays: number,
): Credit<T>[] {
  if (touches.length === 0) return [];
  const sorted = [...touches].sort(byTime);
  const w = weights(model, sorted, placedAt, halfLifeDays);
  const sum = w.reduce((a, b) => a + b, 0);
  const shares = w.map((x) => x / sum);
  const total = Number(totalMinor);
  if (!Number.isSafeInteger(total)) throw new RangeError(`order total ${totalMinor} is too large to attribute`);
  const exact = shares.map((s) => s * total);
  const floors = exact.map((x) => Math.floor(x));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, r: x - floors[i] }))
    .sort((a, b) => b.r - a.r || b.i - a.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return sorted.map((touch, i) => ({ touch, creditMinor: BigInt(floors[i]), share: shares[i] }));
}
