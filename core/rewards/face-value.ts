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
 * The valid face values closest to one that is not, below and above it, within the product's ranges:
 * what a refusal offers instead.
 */
export function nearestValidFaceValues(
  skus: readonly ProductSku[],
  faceValueMinor: number,
  value: PointValue,
): number[] {
  const step = faceValueStep(value);
  const below = Math.floor(faceValueMinor / step) * step;
  const candidates = [below, below + step].filter((face) => face > 0 && skuAllows(skus, face));
  if (candidates.length > 0) return candidates;
  // Outside every range: the nearest end of one that is valid.
  const ends = skus
    .flatMap((sku) => [Math.ceil(sku.minMinor / step) * step, Math.floor(sku.maxMinor / step) * step])
    .filter((face) => face > 0 && skuAllows(skus, face))
    .sort((a, b) => Math.abs(a - faceValueMinor) - Math.abs(b - faceValueMinor));
  return ends.slice(0, 1);
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
