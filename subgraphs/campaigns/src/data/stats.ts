/**
 * Pure statistics for A/B tests: no I/O, unit-tested against worked values.
 *
 * erfc follows W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631-637 (netlib specfun CALERF). It is accurate to about 1e-15
 * relative, and computing erfc directly (not 1 - erf) keeps tiny p-values exact, which the
 * common Abramowitz-Stegun 7.1.26 formula (error ~1.5e-7) cannot.
 */

/** z of the two-sided 95% interval: the standard normal's 0.975 quantile. */
export const Z_95 = 1.959963984540054;

const A = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8,
];
const D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const Q = [2.56852019228982242, 1.87295284992346725, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const ONE_OVER_SQRT_PI = 0.56418958354775628695;

/** exp(-y*y) split so the rounding error of y*y is not amplified (Cody's trick). */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/** Complementary error function, erfc(x) = 1 - erf(x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let num = A[4] * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * ysq;
      den = (den + B[i]) * ysq;
    }
    return 1 - (x * (num + A[3])) / (den + B[3]);
  } else if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    result = expMinusSquare(y) * ((num + C[7]) / (den + D[7]));
  } else if (y >= 26.543) {
    // erfc underflows to 0 beyond this point in double precision.
    result = 0;
  } else {
    const ysq = 1 / (y * y);
    let num = P[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * ysq;
      den = (den + Q[i]) * ysq;
    }
    const r = (ysq * (num + P[4])) / (den + Q[4]);
    result = expMinusSquare(y) * ((ONE_OVER_SQRT_PI - r) / y);
  }
  return x < 0 ? 2 - result : result;
}

/** Standard normal cumulative distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export interface ProportionTest {
  /** Rate of the second arm minus rate of the first. */
  difference: number;
  /** z statistic with the pooled standard error; null when it is undefined (0/0). */
  z: number | null;
  /** Two-sided p-value. */
  pValue: number;
  /** 95% confidence interval of the difference, with the unpooled standard error. */
  low: number;
  high: number;
}

/**
 * Two-proportion z-test of arm 2 (successes2/n2) against arm 1 (successes1/n1).
 * Returns null when an arm has no trials: no rate, so nothing to compare.
 */
export function twoProportionTest(successes1: number, n1: number, successes2: number, n2: number): ProportionTest | null {
  if (n1 <= 0 || n2 <= 0) return null;
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const difference = p2 - p1;
  const pooled = (successes1 + successes2) / (n1 + n2);
  const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // A zero pooled SE means both arms are all-0 or all-1: identical, so no evidence of a difference.
  const z = pooledSe > 0 ? difference / pooledSe : null;
  const pValue = z === null ? 1 : erfc(Math.abs(z) / Math.SQRT2);
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  return { difference, z, pValue, low: difference - Z_95 * se, high: difference + Z_95 * se };
}
