import { describe, expect, it } from 'vitest';
import { attribute, type AttributionModel } from '../subgraphs/campaigns/src/attribution.ts';

// Hand-worked: an order of 100.00 (10000 minor units) on day 10 at noon, touches on days 1..9.
const placedAt = new Date('2026-01-10T12:00:00Z');
const touch = (id: string, campaignId: string, iso: string) => ({ id, campaignId, occurredAt: new Date(iso) });
const A = touch('1', 'cmp-a', '2026-01-03T12:00:00Z'); // 7 days before
const B = touch('2', 'cmp-b', '2026-01-09T12:00:00Z'); // 1 day before
const C = touch('3', 'cmp-c', '2026-01-08T12:00:00Z'); // 2 days before

const credits = (total: bigint, touches: typeof A[], model: AttributionModel, halfLife = 7) =>
  attribute(total, placedAt, touches, model, halfLife).map((c) => [c.touch.id, c.creditMinor, c.share]);

describe('attribution models', () => {
  it('credits nothing when no touch preceded the order', () => {
    expect(attribute(10000n, placedAt, [], 'LINEAR', 7)).toEqual([]);
  });

  it('last touch gives everything to the latest touch, first touch to the earliest', () => {
    expect(credits(10000n, [A, B, C], 'LAST_TOUCH')).toEqual([['1', 0n, 0], ['3', 0n, 0], ['2', 10000n, 1]]);
    expect(credits(10000n, [A, B, C], 'FIRST_TOUCH')).toEqual([['1', 10000n, 1], ['3', 0n, 0], ['2', 0n, 0]]);
  });

  it('linear splits equally; the leftover cent goes to the latest touch', () => {
    // 10000 / 3 = 3333.33…: floors 3333 each, one cent left, all remainders equal -> latest (B).
    expect(credits(10000n, [A, B, C], 'LINEAR')).toEqual([
      ['1', 3333n, 1 / 3], ['3', 3333n, 1 / 3], ['2', 3334n, 1 / 3],
    ]);
  });

  it('time decay halves the weight every half-life', () => {
    // Ages 7, 2 and 1 days with a 7-day half-life: weights 0.5, 2^(-2/7), 2^(-1/7).
    const w = [0.5, 2 ** (-2 / 7), 2 ** (-1 / 7)];
    const sum = w[0] + w[1] + w[2];
    // w = 0.5, 0.82056, 0.90572 (sum 2.22628): 10000 * w / sum = 2246.12…, 3685.15…, 4068.73…;
    // floors 2246 + 3685 + 4068 = 9999, the one cent left goes to the largest remainder, B (.73).
    expect(credits(10000n, [A, B, C], 'TIME_DECAY')).toEqual([
      ['1', 2246n, w[0] / sum], ['3', 3685n, w[1] / sum], ['2', 4069n, w[2] / sum],
    ]);
  });

  it('time decay with a tiny half-life gives everything to the latest touch instead of dividing 0 by 0', () => {
    // Ages 7 and 1 days with a 1-minute half-life: 2^-10080 and 2^-1440 both underflow to 0
    // when measured from the order; relative to the youngest touch they are 2^-8640 and 1.
    expect(credits(10000n, [A, B], 'TIME_DECAY', 1 / 1440)).toEqual([['1', 0n, 0], ['2', 10000n, 1]]);
  });

  it('breaks time ties by touch id, so the answer never depends on input order', () => {
    const twin = touch('4', 'cmp-d', '2026-01-09T12:00:00Z'); // same time as B, larger id
    expect(credits(999n, [twin, B], 'LAST_TOUCH')).toEqual([['2', 0n, 0], ['4', 999n, 1]]);
    expect(credits(999n, [B, twin], 'FIRST_TOUCH')).toEqual([['2', 999n, 1], ['4', 0n, 0]]);
  });

  it('never loses or invents a cent, whatever the total and the model', () => {
    const touches = [A, B, C, touch('5', 'cmp-a', '2026-01-05T00:00:00Z'), touch('6', 'cmp-b', '2026-01-10T11:59:59Z')];
    for (const model of ['LAST_TOUCH', 'FIRST_TOUCH', 'LINEAR', 'TIME_DECAY'] as const) {
      for (const total of [0n, 1n, 7n, 99n, 10001n, 123456789n]) {
        const sum = attribute(total, placedAt, touches, model, 3.5).reduce((s, c) => s + c.creditMinor, 0n);
        expect(sum, `${model} ${total}`).toBe(total);
      }
    }
  });
});
