import {createHash} from 'node:crypto'

const hashes = 64
const bands = 16
const rows = hashes / bands
const shingleSize = 5

// Fixed seeds: signatures must not depend on the machine or the run.
const seedsA = new Uint32Array(hashes)
const seedsB = new Uint32Array(hashes)
{
  let state = 0x9e3779b9
  const next = () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return state >>> 0
  }
  for (let index = 0; index < hashes; index++) {
    seedsA[index] = next() | 1
    seedsB[index] = next()
  }
}

/** Normalize text for duplicate detection: lower case, letters and digits only. */
export function normalizeForHash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** SHA-256 hex of normalized text. */
export function contentHash(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex')
}

function fnv(value: string): number {
  let hash = 0x811c9dc5
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** MinHash signature over word 5-shingles, or null when the text is too short. */
export function minhash(normalized: string): Uint32Array | null {
  const tokens = normalized.split(' ')
  if (tokens.length < shingleSize + 15) return null
  const signature = new Uint32Array(hashes).fill(0xffffffff)
  for (let index = 0; index + shingleSize <= tokens.length; index++) {
    const shingle = fnv(tokens.slice(index, index + shingleSize).join(' '))
    for (let h = 0; h < hashes; h++) {
      const value = (Math.imul(shingle, seedsA[h]) + seedsB[h]) >>> 0
      if (value < signature[h]) signature[h] = value
    }
  }
  return signature
}

function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let index = 0; index < hashes; index++) if (a[index] === b[index]) same++
  return same / hashes
}

/**
 * Groups exact and near duplicates across a corpus, in input order: the
 * first document of a group is the original, later ones point to it.
 * Memory grows by one hash and one 256-byte signature per document.
 */
export class DuplicateIndex {
  readonly threshold: number
  private readonly exact = new Map<string, string>()
  private readonly buckets = new Map<string, Array<number>>()
  private readonly signatures: Array<Uint32Array> = []
  private readonly ids: Array<string> = []

  constructor(threshold: number) {
    this.threshold = threshold
  }

  /** Register a document; returns the id of the document it duplicates, or null. */
  add(id: string, hash: string, normalized: string, near: boolean): string | null {
    const original = this.exact.get(hash)
    if (original !== undefined) return original
    this.exact.set(hash, id)
    if (!near) return null
    const signature = minhash(normalized)
    if (!signature) return null
    const keys: Array<string> = []
    let best: number | null = null
    let bestScore = 0
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${Array.from(signature.subarray(band * rows, band * rows + rows)).join(',')}`
      keys.push(key)
      for (const candidate of this.buckets.get(key) ?? []) {
        const score = similarity(signature, this.signatures[candidate])
        if (score >= this.threshold && (score > bestScore || (score === bestScore && best !== null && candidate < best))) {
          best = candidate
          bestScore = score
        }
      }
    }
    if (best !== null) return this.ids[best]
    const index = this.signatures.length
    this.signatures.push(signature)
    this.ids.push(id)
    for (const key of keys) {
      const bucket = this.buckets.get(key)
      if (bucket) bucket.push(index)
      else this.buckets.set(key, [index])
    }
    return null
  }
}
