import {createHash} from 'node:crypto'

const hashes = 64
const bands = 16
const rows = hashes / bands
const shingleSize = 5
const maxCandidates = 64

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
  const tokenHashes = new Uint32Array(tokens.length)
  for (let index = 0; index < tokens.length; index++) tokenHashes[index] = fnv(tokens[index])
  const signature = new Uint32Array(hashes).fill(0xffffffff)
  for (let index = 0; index + shingleSize <= tokens.length; index++) {
    let shingle = 0x811c9dc5
    for (let k = index; k < index + shingleSize; k++) {
      shingle = Math.imul(shingle ^ tokenHashes[k], 0x01000193)
      shingle ^= shingle >>> 13
    }
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

interface Generation {
  exact: Map<string, string>
  buckets: Map<number, Array<number>>
  signatures: Array<Uint32Array>
  ids: Array<string>
}

function generation(): Generation {
  return {exact: new Map(), buckets: new Map(), signatures: [], ids: []}
}

function bandKey(signature: Uint32Array, band: number): number {
  let hash = Math.imul(band + 1, 0x9e3779b1)
  for (let row = band * rows; row < band * rows + rows; row++) {
    hash ^= signature[row]
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b)
  }
  return hash >>> 0
}

/**
 * Groups exact and near duplicates across a corpus, in input order: the
 * first document of a group is the original, later ones point to it.
 *
 * Memory is bounded: the index remembers about the last `window` documents
 * (in two generations of `window / 2`; the older one is dropped when the
 * newer one fills), at about 700 bytes a document.
 */
export class DuplicateIndex {
  readonly threshold: number
  readonly window: number
  private current: Generation = generation()
  private previous: Generation = generation()

  constructor(threshold: number, window: number) {
    this.threshold = threshold
    this.window = window
  }

  /** Register a document; returns the id of the document it duplicates, or null. */
  add(id: string, hash: string, normalized: string): string | null {
    const original = this.previous.exact.get(hash) ?? this.current.exact.get(hash)
    if (original !== undefined) return original
    const signature = minhash(normalized)
    let best: string | null = null
    let bestScore = 0
    const keys: Array<number> = []
    if (signature) {
      for (let band = 0; band < bands; band++) keys.push(bandKey(signature, band))
      for (const gen of [this.previous, this.current]) {
        const seen = new Set<number>()
        for (const key of keys) {
          const bucket = gen.buckets.get(key)
          if (!bucket) continue
          // The most recent candidates of a crowded bucket are enough.
          for (let at = bucket.length - 1; at >= 0 && at >= bucket.length - maxCandidates; at--) {
            const candidate = bucket[at]
            if (seen.has(candidate)) continue
            seen.add(candidate)
            const score = similarity(signature, gen.signatures[candidate])
            if (score >= this.threshold && score > bestScore) {
              best = gen.ids[candidate]
              bestScore = score
            }
          }
        }
        if (best !== null) return best
      }
    }

    const gen = this.current
    gen.exact.set(hash, id)
    if (signature) {
      const index = gen.signatures.length
      gen.signatures.push(signature)
      gen.ids.push(id)
      for (const key of keys) {
        const bucket = gen.buckets.get(key)
        if (bucket) bucket.push(index)
        else gen.buckets.set(key, [index])
      }
    }
    if (gen.exact.size >= this.window / 2) {
      this.previous = gen
      this.current = generation()
    }
    return null
  }
}
