import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoProportionTest, Z_95 } from '../subgraphs/campaigns/src/data/stats.ts';
import { buildAbTest, MINIMUM_SAMPLE_PER_ARM } from '../subgraphs/campaigns/src/data/abtest.ts';


describe('statistics', () => {
  it('erfc matches reference values to 1e-12 relative, including tails and negative x', () => {
    const reference: [number, number][] = [
      [0.3, 0.6713732405408726], [1, 0.15729920705028513], [2.5, 0.0004069520174449589],
      [5, 1.5374597944280351e-12], [10, 2.088487583762545e-45], [-1, 1.842700792949715], [-0.2, 1.2227025892104786],
    ];
    for (const [x, want] of reference) expect(Math.abs(erfc(x) - want) / want).toBeLessThan(1e-12);
    expect(erfc(0)).toBe(1);
  });

  it('normalCdf gives the textbook quantiles', () => {
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-1)).toBeCloseTo(0.15865525393145707, 12);
    expect(normalCdf(0)).toBe(0.5);
  });

  it('two-proportion test: 200/1000 vs 250/1000 gives z 2.68, p 0.0074 and the unpooled 95% interval', () => {
    const t = twoProportionTest(200, 1000, 250, 1000)!;
    expect(t.z).toBeCloseTo(2.677397763008329, 10);
    expect(t.pValue).toBeCloseTo(0.007419649261025693, 12);
    expect(t.low).toBeCloseTo(0.013463621687539853, 12);
    expect(t.high).toBeCloseTo(0.08653637831246015, 12);
  });

  it('two-proportion test: no trials gives no test; identical all-zero arms give p = 1', () => {
    expect(twoProportionTest(0, 0, 3, 10)).toBeNull();
    expect(twoProportionTest(0, 50, 0, 50)).toEqual({ difference: 0, z: null, pValue: 1, low: 0, high: 0 });
  });

  it('buildAbTest: fewer than two variants or no control means no A/B test', () => {
    const arm = (name: string, isControl: boolean) => ({ id: name, campaignId: 'c', name, isControl, delivered: 500, converted: 50 });
    expect(buildAbTest([arm('A', true)])).toBeNull();
    expect(buildAbTest([arm('A', false), arm('B', false)])).toBeNull();
  });

  it('buildAbTest: a significant loss is not a win', () => {
    const t = buildAbTest([
      { id: 'a', campaignId: 'c', name: 'A', isControl: true, delivered: 1000, converted: 250 },
      { id: 'b', campaignId: 'c', name: 'B', isControl: false, delivered: 1000, converted: 200 },
    ])!;
    expect([t.winner, t.significant, t.verdict, t.minimumSamplePerArm]).toEqual([
      null, false, 'no variant beats control A: B is -5.0 pts, p=0.007', MINIMUM_SAMPLE_PER_ARM,
    ]);
  });
});

