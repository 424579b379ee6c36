/** A publication-date candidate and where it came from. */
export interface DateCandidate {
  value: string
  source: string
}

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12
}

const monthPattern = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'

/** Confidence by source, before any conflict. */
export const confidenceBySource: Record<string, number> = {
  record: 1,
  'front-matter': 0.95,
  'json-ld': 0.95,
  feed: 0.9,
  meta: 0.9,
  time: 0.8,
  url: 0.7,
  dateline: 0.6,
  warc: 0.4,
  option: 0.3
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function valid(year: number, month: number, day: number): boolean {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/**
 * Normalize a date string to ISO 8601: `YYYY-MM-DD` or a date-time with its
 * offset as given. Understands ISO 8601, RFC 822 (`Thu, 25 Apr 2024 14:03:00 GMT`),
 * `April 25, 2024`, `25 April 2024`, `2024/04/25`. Returns null otherwise.
 */
export function normalizeDate(input: unknown): string | null {
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input.toISOString()
  if (typeof input === 'number' && Number.isFinite(input)) {
    // Unix seconds or milliseconds.
    const ms = input < 1e11 ? input * 1000 : input
    return new Date(ms).toISOString()
  }
  if (typeof input !== 'string') return null
  const value = input.trim()
  if (!value) return null

  let match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(value)
  if (match) {
    const [, y, m, d, hh, mm, ss, zone] = match
    if (!valid(Number(y), Number(m), Number(d))) return null
    if (hh === undefined) return `${y}-${m}-${d}`
    let offset = zone ? zone.toUpperCase() : ''
    if (offset.length === 5) offset = offset.slice(0, 3) + ':' + offset.slice(3)
    return `${y}-${m}-${d}T${hh}:${mm}:${ss ?? '00'}${offset}`
  }

  match = /^(\d{4})[/.]?(\d{1,2})[/.]?(\d{1,2})$/.exec(value)
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
    return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null
  }

  // RFC 822 / RFC 1123 (feeds, HTTP).
  match = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UT|UTC|Z|[+-]\d{4}|[A-Z]{3})?$/.exec(value)
  if (match) {
    const date = new Date(value.replace(/\bUTC\b/, 'GMT'))
    if (!Number.isNaN(date.getTime())) {
      const zone = match[7]
      if (zone && /^[+-]\d{4}$/.test(zone) && zone !== '+0000') {
        const [y, mo, d] = [Number(match[3]), months[match[2].toLowerCase()], Number(match[1])]
        if (mo && valid(y, mo, d)) {
          return `${y}-${pad(mo)}-${pad(d)}T${match[4]}:${match[5]}:${match[6] ?? '00'}${zone.slice(0, 3)}:${zone.slice(3)}`
        }
      }
      return date.toISOString().replace('.000Z', 'Z')
    }
  }

  const found = findDateInText(value, true)
  return found
}

/**
 * Find a written date (`April 25, 2024`, `25 April 2024`, `Apr. 25, 2024`)
 * in text. With `whole`, the date must be (nearly) the whole string.
 */
export function findDateInText(value: string, whole = false): string | null {
  const mdy = new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i')
  const dmy = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern},?\\s+(\\d{4})\\b`, 'i')
  for (const [pattern, order] of [[mdy, 'mdy'], [dmy, 'dmy']] as const) {
    const match = pattern.exec(value)
    if (!match) continue
    if (whole && value.replace(match[0], '').replace(/[\s,.|–—-]|\b(?:updated|published|posted|on|at|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?|[A-Z]{2,4}|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/gi, '').length > 0) continue
    const month = months[(order === 'mdy' ? match[1] : match[2]).slice(0, 3).toLowerCase()]
    const day = Number(order === 'mdy' ? match[2] : match[1])
    const year = Number(match[3])
    if (month && valid(year, month, day)) return `${year}-${pad(month)}-${pad(day)}`
  }
  return null
}

/** A date in a URL path such as `/2024/04/25/` or `/2024-04-25-`. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(url)
  if (!match) return null
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return valid(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null
}

/**
 * A date in a dateline at the start of the text:
 * `WASHINGTON, April 25, 2024 (Reuters) -`, `LONDON, 25 April 2024 —`.
 * A dateline without a year gives no date.
 */
export function dateFromDateline(text: string): string | null {
  const pattern = /^[A-Z][A-Z .'-]{1,40},(?:\s+[A-Z][A-Za-z.]+,)?\s+(.{6,25}?)\s*(?:\([A-Za-z .]+\)\s*)?[-—–]/
  // The dateline opens one of the first paragraphs (after a headline or byline).
  for (const line of text.slice(0, 1500).split(/\r?\n/).map((value) => value.trim()).filter(Boolean).slice(0, 4)) {
    const match = pattern.exec(line)
    if (match) return findDateInText(match[1])
  }
  return null
}

/** The day part of an ISO date or date-time. */
export function day(value: string): string {
  return value.slice(0, 10)
}
