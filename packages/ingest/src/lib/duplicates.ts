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


/**
 * One generation of the index, in typed arrays that grow by doubling up to
 * `capacity` documents: signatures, and an open-addressing table from LSH
 * band keys to chains of (document, band) entries. No object per document
 * but its id, so memory is a few hundred bytes a document and GC stays quiet.
 */
class Generation {
  readonly capacity: number
  size = 0
  readonly exact = new Map<string, string>()
  ids: Array<string> = []
  signatures: Uint32Array
  next: Int32Array
  keys: Uint32Array
  heads: Int32Array
  used = 0

  constructor(capacity: number) {
    this.capacity = capacity
    const docs = Math.min(capacity, 1024)
    this.signatures = new Uint32Array(docs * hashes)
    this.next = new Int32Array(docs * bands)
    this.keys = new Uint32Array(docs * bands * 2)
    this.heads = new Int32Array(docs * bands * 2).fill(-1)
  }

  private slot(key: number): number {
    const mask = this.heads.length - 1
    let at = Math.imul(key, 0x9e3779b1) >>> 0 & mask
    while (this.heads[at] !== -1 && this.keys[at] !== key) at = (at + 1) & mask
    return at
  }

  /** Entries (`document * bands + band`) filed under `key`, newest first. */
  *chain(key: number): Generator<number> {
    for (let entry = this.heads[this.slot(key)]; entry !== -1; entry = this.next[entry]) yield entry
  }

  add(id: string, signature: Uint32Array, keys: ReadonlyArray<number>): void {
    const document = this.size++
    if (document * hashes >= this.signatures.length) this.grow()
    this.ids.push(id)
    this.signatures.set(signature, document * hashes)
    for (let band = 0; band < bands; band++) {
      const at = this.slot(keys[band])
      const entry = document * bands + band
      if (this.heads[at] === -1) {
        this.keys[at] = keys[band]
        this.used++
      }
      this.next[entry] = this.heads[at]
      this.heads[at] = entry
    }
  }

  private grow(): void {
    const signatures = new Uint32Array(this.signatures.length * 2)
    signatures.set(this.signatures)
    this.signatures = signatures
    const next = new Int32Array(this.next.length * 2)
    next.set(this.next)
    this.next = next
    // Rehash into a table twice as large.
    const keys = this.keys
    const heads = this.heads
    this.keys = new Uint32Array(keys.length * 2)
    this.heads = new Int32Array(heads.length * 2).fill(-1)
    for (let at = 0; at < heads.length; at++) {
      if (heads[at] === -1) continue
      const slot = this.slot(keys[at])
      this.keys[slot] = keys[at]
      this.heads[slot] = heads[at]
    }
  }

  get full(): boolean {
    return this.size >= this.capacity || this.exact.size >= this.capacity
  }
}

function bandKey(signature: Uint32Array, band: number): number {
  let hash = Math.imul(band + 1, 0x9e3779b1)
  for (let row = band * rows; row < band * rows + rows; row++) {
    hash ^= signature[row]
    hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b)
  }
  return hash >>> 0
}

function similarityAt(a: Uint32Array, b: Uint32Array, offset: number): number {
  let same = 0
  for (let index = 0; index < hashes; index++) if (a[index] === b[offset + index]) same++
  return same / hashes
}

/**
 * Groups exact and near duplicates across a corpus, in input order: the
 * first document of a group is the original, later ones point to it.
 *
 * Memory is bounded: the index remembers about the last `window` documents
 * (in two generations of `window / 2`; the older one is dropped when the
 * newer one fills).
 */
export class DuplicateIndex {
  readonly threshold: number
  readonly window: number
  private current: Generation
  private previous: Generation | null = null

  constructor(threshold: number, window: number) {
    this.threshold = threshold
    this.window = window
    this.current = new Generation(Math.max(1, Math.floor(window / 2)))
  }

  /**
   * Register a document by its content hash and MinHash signature (from
   * `minhash`, null for a short text); returns the id of the document it
   * duplicates, or null.
   */
  add(id: string, hash: string, signature: Uint32Array | null): string | null {
    const short = hash.slice(0, 16)
    const original = this.previous?.exact.get(short) ?? this.current.exact.get(short)
    if (original !== undefined) return original
    const keys: Array<number> = []
    if (signature) {
      for (let band = 0; band < bands; band++) keys.push(bandKey(signature, band))
      for (const gen of [this.previous, this.current]) {
        if (!gen) continue
        let best: string | null = null
        let bestScore = 0
        const seen = new Set<number>()
        for (const key of keys) {
          let checked = 0
          // The most recent candidates of a crowded bucket are enough.
          for (const entry of gen.chain(key)) {
            if (++checked > maxCandidates) break
            const document = Math.floor(entry / bands)
            if (seen.has(document)) continue
            seen.add(document)
            const score = similarityAt(signature, gen.signatures, document * hashes)
            if (score >= this.threshold && score > bestScore) {
              best = gen.ids[document]
              bestScore = score
            }
          }
        }
        if (best !== null) return best
      }
    }

    const gen = this.current
    gen.exact.set(short, id)
    if (signature) gen.add(id, signature, keys)
    if (gen.full) {
      this.previous = gen
      this.current = new Generation(gen.capacity)
    }
    return null
  }
}
