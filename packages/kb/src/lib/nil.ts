import {createHash} from 'node:crypto'
import type {EntityType} from './types.js'
import {nameKey} from './normalize.js'

/** Letters that no Unicode decomposition turns into ASCII (`ø` of `Sølvi`, `ß`, `ł`). */
const spelledOut: Record<string, string> = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ŋ: 'n', ħ: 'h'}
const spelledOutRe = new RegExp(`[${Object.keys(spelledOut).join('')}]`, 'g')

/** A URL- and file-safe slug of a name (`Beverly Holcy` → `beverly-holcy`, `Sølvi Haugland` → `solvi-haugland`). */
export function slug(name: string): string {
  return (
    nameKey(name)
      .replace(spelledOutRe, (letter) => spelledOut[letter]!)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'entity'
  )
}

/**
 * The key that identifies one real entity across articles: the name stage's
 * corpus cluster when it assigned one, else the type and the canonical name.
 */
export function identityKey(name: string, type: EntityType, cluster?: string | null): string {
  return cluster ? `cluster:${cluster}` : `${type}:${nameKey(name)}`
}

/**
 * The NIL id of an entity no KB knows: `nil:<slug>-<6 hex>`, the slug of the
 * cluster key (else the name), the hash taken over `identityKey`, so that the same entity gets the same id in every
 * article and every run over the same corpus.
 */
export function nilId(name: string, type: EntityType, cluster?: string | null): string {
  const hash = createHash('sha256').update(identityKey(name, type, cluster)).digest('hex').slice(0, 6)
  return `nil:${slug(cluster || name)}-${hash}`
}
