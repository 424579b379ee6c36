import type {ExcludedRange} from './types.js'

/**
 * Whether the span `[start, end)` overlaps an excluded range.
 */
export function isExcluded(
  ranges: ReadonlyArray<ExcludedRange> | undefined,
  start: number,
  end: number
): boolean {
  if (!ranges) return false
  for (const range of ranges) {
    if (range.start < end && range.end > start) return true
  }

  return false
}
