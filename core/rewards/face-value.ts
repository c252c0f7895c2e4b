import type { PointValue } from "../shared/money";
import type { ProductSku } from "./reward-provider";

/**
 * A reward's face value in points: face value × the org's point value, exactly. Points are whole, so a
 * face value is valid only when it comes to a whole number of points; `null` otherwise.
 */
export function pointsForFaceValue(faceValueMinor: number, value: PointValue): number | null {
  if (value.minor <= 0) return null;
  const numerator = BigInt(faceValueMinor) * BigInt(value.points);
  const denominator = BigInt(value.minor);
  return numerator % denominator === 0n ? Number(numerator / denominator) : null;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The smallest face value, in minor units, that comes to a whole number of points; every valid one is a multiple. */
export function faceValueStep(value: PointValue): number {
  const minor = BigInt(value.minor);
  return Number(minor / gcd(minor, BigInt(value.points)));
}

/** Whether a face value is one the product sells: a fixed value, or inside one of its ranges. */
export function skuAllows(skus: readonly ProductSku[], faceValueMinor: number): boolean {
  return skus.some((sku) => faceValueMinor >= sku.minMinor && faceValueMinor <= sku.maxMinor);
}

/**
 * The valid face values closest to one that is not: the nearest below it and the nearest above it,
 * each a whole number of points within one of the product's fixed values or ranges (so outside every
 * range, the nearest end of one). Empty when the product has no valid face value at all.
 */
export function nearestValidFaceValues(
  skus: readonly ProductSku[],
  faceValueMinor: number,
  value: PointValue,
): number[] {
  const step = faceValueStep(value);
  let below = Number.NEGATIVE_INFINITY;
  let above = Number.POSITIVE_INFINITY;
  for (const sku of skus) {
    const low = Math.max(step, Math.ceil(sku.minMinor / step) * step);
    const high = Math.floor(sku.maxMinor / step) * step;
    const under = Math.min(high, Math.floor(faceValueMinor / step) * step);
    const over = Math.max(low, Math.ceil(faceValueMinor / step) * step);
    if (under >= low && under < faceValueMinor) below = Math.max(below, under);
    if (over <= high && over > faceValueMinor) above = Math.min(above, over);
  }
  return [below, above].filter(Number.isFinite);
}

/** What a person may pick: the fixed values that cost whole points, and each range as its valid span. */
export interface Denominations {
  fixed: { faceValueMinor: number; points: number }[];
  ranges: { minMinor: number; maxMinor: number; stepMinor: number }[];
}

export function denominationsFor(skus: readonly ProductSku[], value: PointValue): Denominations {
  const step = faceValueStep(value);
  const fixed: Denominations["fixed"] = [];
  const ranges: Denominations["ranges"] = [];
  for (const sku of skus) {
    if (sku.minMinor === sku.maxMinor) {
      const points = pointsForFaceValue(sku.minMinor, value);
      if (points !== null) fixed.push({ faceValueMinor: sku.minMinor, points });
      continue;
    }
    const minMinor = Math.ceil(sku.minMinor / step) * step;
    const maxMinor = Math.floor(sku.maxMinor / step) * step;
    if (minMinor <= maxMinor && maxMinor > 0)
      ranges.push({ minMinor: Math.max(minMinor, step), maxMinor, stepMinor: step });
  }
  fixed.sort((a, b) => a.faceValueMinor - b.faceValueMinor);
  return { fixed, ranges };
}

/** Whether a face value is one `denominations` offers: a fixed value, or a step inside a range. */
export function denominationsAllow(denominations: Denominations, faceValueMinor: number): boolean {
  return (
    denominations.fixed.some((fixed) => fixed.faceValueMinor === faceValueMinor) ||
    denominations.ranges.some(
      (range) =>
        faceValueMinor >= range.minMinor &&
        faceValueMinor <= range.maxMinor &&
        faceValueMinor % range.stepMinor === 0,
    )
  );
}
