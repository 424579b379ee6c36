/**
 * The scanner: precompiled regular expressions over the raw text, each with a builder that checks
 * the context and says what the match means (a `Spec`). Values are decided later (`resolve.ts`).
 */
import type {TimexType} from '@copydesk/document'
import {holidayKey, type Unit} from './calendar.js'

export type Part = 'MO' | 'AF' | 'EV' | 'NI'
export type Direction = 'tense' | 'last' | 'next' | 'this'

/** What an expression means, before anchoring. */
export type Spec =
  | {kind: 'date'; year?: number; month?: number; day?: number; weekday?: number; mod?: string; dir?: Direction}
  | {kind: 'year'; year: number; mod?: string}
  | {kind: 'decade'; value: string; mod?: string}
  | {kind: 'quarter'; quarter: number; year?: number; relYear?: number; previous?: boolean}
  | {kind: 'season'; season: string; year?: number; relYear?: number; dir?: Direction}
  | {kind: 'weekday'; weekday: number; dir: Direction; part?: Part; mod?: string; anaphoric?: boolean}
  /** An offset of `n` units from the publication date or from the narrative (`anaphoric`). */
  | {
      kind: 'relative'
      unit: Unit | 'weekend'
      n: number
      anaphoric: boolean
      deictic?: boolean
      part?: Part
      mod?: string
      at?: Unit
      /** A comparison (“the same month a year ago”): it looks back, and is no new time of the story. */
      comparison?: boolean
    }
  | {kind: 'fixed'; value: string; mod?: string}
  /** A named holiday (`holidayKey` of its name), in a given year or anchored. */
  | {kind: 'holiday'; key: string; year?: number}
  | {
      kind: 'time'
      hour: number
      minute: number
      zone?: string
      day?: Spec
    }

export interface Candidate {
  start: number
  end: number
  type: TimexType
  spec: Spec
  /** Parts of a range, each its own expression. */
  children?: Array<Candidate>
  /** For ranges: which children are the begin and end. */
  range?: boolean
}

const MONTH_FULL = 'January|February|March|April|May|June|July|August|September|October|November|December'
const MONTH_ABBR = 'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec'
const MONTH = `(?:(?:${MONTH_FULL}|${MONTH_ABBR})\\b\\.?)`
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const WEEKDAY_ANY = `(?:${WEEKDAY}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\\b\\.?)`
const YEAR = '(?:1[5-9]\\d\\d|20\\d\\d)'
const ORD = '(?:st|nd|rd|th)?'
const UNITS_W = 'one|two|three|four|five|six|seven|eight|nine'
const TEENS_W = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen'
const TENS_W = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety'
const QTY = `(?:\\d+(?:\\.\\d+)?|(?:${TENS_W})(?:[ \\t\\u00a0-](?:${UNITS_W}))?|${TEENS_W}|${UNITS_W}|single|a[ \\t\\u00a0]+few|a[ \\t\\u00a0]+couple[ \\t\\u00a0]+of|a[ \\t\\u00a0]+dozen|a|an|several|few|many|hundreds[ \\t\\u00a0]+of|dozens[ \\t\\u00a0]+of|thousands[ \\t\\u00a0]+of)`
const UNIT = '(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?'
const PRE_MOD =
  '(?:(nearly|almost|about|around|approximately|roughly|some|over|more[ \\t\\u00a0]+than|less[ \\t\\u00a0]+than|fewer[ \\t\\u00a0]+than|under|at[ \\t\\u00a0]+least|up[ \\t\\u00a0]+to|just[ \\t\\u00a0]+over|just[ \\t\\u00a0]+under|well[ \\t\\u00a0]+over|close[ \\t\\u00a0]+to|barely|only|just)[ \\t\\u00a0]+)?'

const DURATION_PREFIX = new RegExp(
  `(?:\\b${PRE_MOD})?(?:\\b(the)[ \\t\\u00a0]+(past|last|next|previous|coming|first|final|following|remaining)[ \\t\\u00a0]+)?$`,
  'i'
)
const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12
}
const NAME_OK_BEFORE_YEAR = new RegExp(
  `^(?:${MONTH_FULL}|${MONTH_ABBR}|In|Since|By|Until|Till|From|Before|After|During|The|Of|And|Or|To|Through|Between|Early|Late|Mid|Spring|Summer|Autumn|Fall|Winter|Around|About|Circa|Year|Also|Only|Then|Back|Even|Not|As|At|On|For|When|Until|Unlike|Like|Last|Next|This|Since)$`
)
const WEEKDAYS: Record<string, number> = {mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7}
const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
  single: 1
}
const SEASONS: Record<string, string> = {spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI'}
const PARTS: Record<string, Part> = {morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI'}
const MODS: Record<string, string> = {
  early: 'START',
  beginning: 'START',
  start: 'START',
  mid: 'MID',
  middle: 'MID',
  late: 'END',
  end: 'END',
  nearly: 'LESS_THAN',
  almost: 'LESS_THAN',
  under: 'LESS_THAN',
  'less than': 'LESS_THAN',
  'fewer than': 'LESS_THAN',
  'just under': 'LESS_THAN',
  barely: 'LESS_THAN',
  about: 'APPROX',
  around: 'APPROX',
  approximately: 'APPROX',
  roughly: 'APPROX',
  some: 'APPROX',
  'close to': 'APPROX',
  over: 'MORE_THAN',
  'more than': 'MORE_THAN',
  'just over': 'MORE_THAN',
  'well over': 'MORE_THAN',
  'at least': 'EQUAL_OR_MORE',
  'up to': 'EQUAL_OR_LESS'
}
/** Words after a bare number that make it a count, not a year. */
const COUNT_NOUNS = new Set(
  'people persons men women children kids adults votes voters troops soldiers police officers residents deaths dead cases jobs homes houses units copies miles kilometres kilometers km meters metres feet tons tonnes pounds dollars euros points runs yards goals members students employees workers staff families patients passengers signatures participants acres hectares barrels lives seats delegates protesters refugees migrants prisoners inmates victims fans vehicles cars flights species games matches pages words letters times'.split(
    ' '
  )
)
/** Words before a bare number that make it a quantity. */
const QUANTITY_BEFORE = /\b(?:about|some|nearly|almost|over|than|around|approximately|only|just|least|to|all|another|roughly|no\.|number|#|room|flight|route|page|pages|highway|interstate|model|bus|line|code|score|scored|and)[ \t\u00a0]+$/i
const YEAR_PREPOSITION = /\b(?:in|since|of|from|by|until|till|before|after|during|year|the|around|circa|c\.|between|and|to|through|early|late|mid|spring|summer|autumn|fall|winter)[ \t\u00a0]+$/i

export const monthOf = (name: string): number => MONTHS[name.slice(0, 3).toLowerCase()]!
export const weekdayOf = (name: string): number => WEEKDAYS[name.slice(0, 3).toLowerCase()]!

/** Parse a quantity (`21`, `twenty-one`, `a`, `several`); `null` for vague quantities. */
export function quantity(raw: string): number | null {
  const text = raw.toLowerCase().replace(/\s+/g, ' ')
  if (/^\d/.test(text)) return Number(text)
  if (text in NUMBERS) return NUMBERS[text]!
  if (text === 'a dozen') return 12
  if (text === 'a couple of') return 2
  const parts = text.split(/[\s-]/)
  if (parts.length === 2 && parts[0]! in NUMBERS && parts[1]! in NUMBERS) return NUMBERS[parts[0]!]! + NUMBERS[parts[1]!]!
  return null
}

/** TIMEX3 unit and multiplier of each unit word (singular). */
const units: ReadonlyMap<string, {unit: string; factor: number}> = new Map(Object.entries({
  second: {unit: 'S', factor: 1},
  minute: {unit: 'M', factor: 1},
  hour: {unit: 'H', factor: 1},
  day: {unit: 'D', factor: 1},
  week: {unit: 'W', factor: 1},
  fortnight: {unit: 'W', factor: 2},
  month: {unit: 'M', factor: 1},
  quarter: {unit: 'Q', factor: 1},
  decade: {unit: 'Y', factor: 10},
  century: {unit: 'Y', factor: 100},
  centurie: {unit: 'Y', factor: 100}
}))

/** Canonical unit of a unit word (years by default). */
function unitOf(raw: string): {unit: string; factor: number} {
  return units.get(raw.toLowerCase().replace(/s$/, '')) ?? {unit: 'Y', factor: 1}
}

const isTimeUnit = (raw: string): boolean => /^(?:second|minute|hour)/i.test(raw)

/** TIMEX3 duration value for `n` (or vague, `null`) units. */
export function durationValue(n: number | null, rawUnit: string): string {
  const {unit, factor} = unitOf(rawUnit)
  const time = isTimeUnit(rawUnit) ? 'T' : ''
  if (n === null) {
    if (factor === 10) return 'PXDE'
    if (factor === 100) return 'PXCE'
    return `P${time}X${unit}`
  }

  const amount = Math.round(n * factor * 1000) / 1000
  return `P${time}${amount}${unit}`
}

function calendarUnit(raw: string): Unit {
  const word = raw.toLowerCase().replace(/s$/, '')
  if (word === 'centurie') return 'century'
  if (word === 'fortnight') return 'week'
  return word as Unit
}

interface Rule {
  re: RegExp
  /**
   * Optional leading words, matched backwards from where `re` matched (anchored with `$`), so that
   * `re` can start on a distinctive token and stay fast. Its groups come first in the match that
   * `build` sees, as if both were one expression.
   */
  prefix?: RegExp
  build: (m: RegExpExecArray, text: string) => Candidate | Array<Candidate> | null | undefined
}

const before = (text: string, index: number, size = 24): string => text.slice(Math.max(0, index - size), index)
const after = (text: string, index: number, size = 24): string => text.slice(index, index + size)

/** Past forms that are past whatever comes around them (unlike a word ending in -ed, which may be a participle). */
const PAST_WORDS = 'was|were|had|did|said|says|told|came|went|took|gave|made|met|began|saw|won|lost|left|held|fell|rose|ago|last'

const TENSE_MARKERS = new RegExp(
  `\\b(?:((?:[Ww]ill|[Ww]on['’]t|[Ss]hall|may|might|could|should|would|must)(?:[ \\t\\u00a0]+(?:not|also|likely|probably|then|soon|be|have))*(?:[ \\t\\u00a0]+[a-z]+)?|to[ \\t\\u00a0]+be[ \\t\\u00a0]+\\w+|going\\s+to|is\\s+to|are\\s+to|plans\\s+to|planning\\s+to|expects?\\s+to|is\\s+expected|are\\s+expected|scheduled|is\\s+set\\s+to|are\\s+set\\s+to|upcoming|next|is\\s+due|are\\s+due)|(${PAST_WORDS}|[a-z]{2,}ed)|(is|are|am|arrives|begins|starts|opens|closes|ends))\\b|(['’]ll(?:[ \\t\\u00a0]+[a-z]+)?)\\b`,
  'g'
)

/** Whether a stretch of text holds a tense marker (not global: no state between calls). */
const TENSE_MARKERS_BEFORE = new RegExp(TENSE_MARKERS.source)

/** A word that opens a subordinate clause: what follows it has a tense of its own. */
const SUBORDINATE = /\b(?:that|which|who|whom|whose|where|because|although|though|whereas|unless)\b/gi

/** Verbs that say what the future holds for their subject (“hopes to open”). */
const INTENT = /\b(?:hopes?|aims?|intends?|wants?|seeks?|vows?|promises?|pledges?|needs?)[ \t\u00a0]+to\b/g

/** A reporting verb after a comma (“…, the analyst said”): it reports the clause, it is not its tense. */
const ATTRIBUTION = /^[^.;]*?,[^,.;]*?\b(?:said|says|told|added|noted|explained|wrote|argued|warned|insisted)\b/

/** `has`/`have` (and adverbs) just before a verb: a present perfect. */
const PRESENT_PERFECT = /\b(?:has|have|['’]ve)(?:[ \t\u00a0]+(?:not|never|already|also|just|long|since|now|so\s+far))*[ \t\u00a0]+$/i

const LISTED_PAST = new RegExp(`^(?:${PAST_WORDS})$`)

interface Marker {
  at: number
  stop: number
  tense: 'past' | 'future' | 'unknown'
  /** A past form only by its -ed ending: under a future auxiliary, a participle. */
  participle: boolean
  /** After `has`/`have`: a present perfect, which speaks of now. */
  perfect: boolean
}

/**
 * The tense of the clause around `[start, end)`: the tense marker (a future auxiliary, a verb of
 * intent, a past-tense verb) nearest to the expression in its clause decides. The clause:
 * - after the expression, it stops at a word that opens a subordinate clause, when a marker
 *   precedes the expression (“told reporters on Tuesday that the city would…”: the telling is on
 *   Tuesday);
 * - before it, it starts at such a word (“said demand was high in Porto, where the band plays
 *   in mid-June”: the playing is in June);
 * - an attribution after it (“…, the analyst said”) is no marker of its tense.
 * A word that is past only by its -ed ending takes the tense of a future auxiliary or present
 * perfect earlier in the clause (“will keep the ramp closed through June”, “has ordered the
 * exchanges closed”); a present perfect is no past; and “until” a day in a clause of the present
 * looks ahead.
 */
export function tenseAround(text: string, start: number, end: number): 'past' | 'future' | 'unknown' {
  const tense = clauseTense(text, start, end)
  if (tense === 'unknown' && /\b(?:until|till)[ \t\u00a0]+$/i.test(text.slice(Math.max(0, start - 8), start))) return 'future'
  return tense
}

function clauseTense(text: string, start: number, end: number): 'past' | 'future' | 'unknown' {
  let sentenceStart = sentenceBoundary(text, start, -1)
  let sentenceEnd = sentenceBoundary(text, end, 1)
  const leading = text.slice(sentenceStart, start)
  SUBORDINATE.lastIndex = 0
  let opener: RegExpExecArray | null
  let lastOpener = -1
  while ((opener = SUBORDINATE.exec(leading))) lastOpener = sentenceStart + opener.index
  if (lastOpener !== -1) sentenceStart = lastOpener
  SUBORDINATE.lastIndex = 0
  const subordinate = SUBORDINATE.exec(text.slice(end, sentenceEnd))
  if (subordinate && TENSE_MARKERS_BEFORE.test(text.slice(sentenceStart, start))) sentenceEnd = end + subordinate.index
  const attribution = ATTRIBUTION.exec(text.slice(end, sentenceEnd))
  const sentence = text.slice(sentenceStart, sentenceEnd)
  const markers: Array<Marker> = []
  TENSE_MARKERS.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = TENSE_MARKERS.exec(sentence))) {
    const at = sentenceStart + match.index
    const stop = at + match[0].length
    if (at < end && stop > start) continue
    if (attribution && at >= end && stop <= end + attribution[0].length && match[2] && LISTED_PAST.test(match[2])) continue
    // “the last show” is the final one, not the past.
    if (match[2] === 'last' && /\bthe[ \t\u00a0]+$/i.test(text.slice(Math.max(0, at - 5), at))) continue
    const perfect = match[2] !== undefined && PRESENT_PERFECT.test(text.slice(Math.max(0, at - 30), at))
    markers.push({
      at,
      stop,
      tense: perfect ? 'unknown' : match[2] ? 'past' : match[3] ? 'unknown' : 'future',
      participle: match[2] !== undefined && !LISTED_PAST.test(match[2]),
      perfect
    })
  }

  INTENT.lastIndex = 0
  while ((match = INTENT.exec(sentence))) {
    const at = sentenceStart + match.index
    markers.push({at, stop: at + match[0].length, tense: 'future', participle: false, perfect: false})
  }

  let best: Marker | undefined
  let distance = Number.POSITIVE_INFINITY
  for (const marker of markers) {
    const gap = marker.stop <= start ? start - marker.stop : marker.at - end
    if (gap < distance) {
      distance = gap
      best = marker
    }
  }

  if (!best) return 'unknown'
  // A participle takes the tense of the future auxiliary or present perfect that governs it
  // earlier in the clause, unless a past tense comes between them.
  if (best.participle && best.stop <= start) {
    const governing = markers
      .filter((m) => m !== best && m.stop <= best!.at && (m.tense === 'future' || m.perfect))
      .filter((m) => !markers.some((p) => p.tense === 'past' && !p.participle && p.at > m.stop && p.stop <= best!.at))
    if (governing.some((m) => m.tense === 'future')) return 'future'
    if (governing.length > 0) return 'unknown'
  }

  return best.tense
}

/** A comma that starts a new clause: “, and …”, “, but …”. */
const CLAUSE_AFTER_COMMA = /^\s+(?:and|but|while|whereas|although|though|yet|so)\b/

function sentenceBoundary(text: string, index: number, direction: -1 | 1): number {
  let at = index
  if (direction < 0) {
    const min = Math.max(0, index - 300)
    while (at > min) {
      const c = text.charCodeAt(at - 1)
      if ((c === 46 || c === 33 || c === 63) && /\s/.test(text.charAt(at))) break
      if (c === 10 || c === 59) break
      if (c === 44 && CLAUSE_AFTER_COMMA.test(text.slice(at, at + 10))) break
      at--
    }

    return at
  }

  const max = Math.min(text.length, index + 300)
  while (at < max) {
    const c = text.charCodeAt(at)
    if ((c === 46 || c === 33 || c === 63) && (at + 1 >= text.length || /\s/.test(text.charAt(at + 1)))) break
    if (c === 10 || c === 59) break
    if (c === 44 && CLAUSE_AFTER_COMMA.test(text.slice(at + 1, at + 11))) break
    at++
  }

  return at
}


function modOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined
  const key = raw.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '').replace(/ of$/, '')
  return MODS[key]
}

function span(m: RegExpExecArray, group: number): {start: number; end: number} | null {
  const indices = (m as RegExpExecArray & {indices?: Array<[number, number] | undefined>}).indices
  const pair = indices?.[group]
  return pair ? {start: pair[0], end: pair[1]} : null
}

const dateCandidate = (start: number, end: number, spec: Spec, type: TimexType = 'DATE'): Candidate => ({start, end, type, spec})

/** Build a day-range container and its two ends. */
function dayRange(
  m: RegExpExecArray,
  startSpec: Spec & {kind: 'date'},
  endDay: number,
  endGroup: number,
  firstEnd: number
): Candidate {
  const endSpan = span(m, endGroup)!
  const endStop = m.index + m[0].length
  const {weekday: _weekday, ...rest} = startSpec
  const first = dateCandidate(m.index, firstEnd, startSpec)
  const second = dateCandidate(endSpan.start, endStop, {...rest, day: endDay})
  return {start: m.index, end: endStop, type: 'DURATION', spec: {kind: 'fixed', value: 'P1D'}, children: [first, second], range: true}
}

const COORDINATED = new RegExp(
  `^,?[ \\t\\u00a0]+(?:and|to|through|until|or|-|–)[ \\t\\u00a0]+(?:${MONTH}[ \\t\\u00a0]*)?(?:\\d{1,2}${ORD}[ \\t\\u00a0]*)?(?:${MONTH}[ \\t\\u00a0]*)?,?[ \\t\\u00a0]*(${YEAR})\\b(?![,.]\\d)`
)

/** The year of a coordinated date that follows: “March and June 2020”, “May 3 and May 5, 2021”. */
function coordinatedYear(text: string, end: number): number | undefined {
  const match = COORDINATED.exec(after(text, end, 48))
  if (!match) return undefined
  // The coordinated part must name a month or a day, not only a year (“May and 2020” is not one).
  return /[A-Za-z]{3}|\d{1,2}(?!\d)/.test(match[0].slice(0, match[0].length - 4).replace(/and|to|through|until|or/, '')) ? Number(match[1]) : undefined
}

const trimRight = (text: string, end: number): number => {
  let e = end
  while (e > 0 && /[\s,.]/.test(text.charAt(e - 1)) && !/\.\s*$/.test(text.slice(e - 4, e).replace(/^.*[ap]\.m\./i, ''))) e--
  return e
}

// Named holidays, as news capitalizes them (“new year” in lower case is not one).
const HOLIDAY =
  "Christmas(?:[ \\t\\u00a0]+(?:Day|Eve))?|New[ \\t\\u00a0]+Year['’]s(?:[ \\t\\u00a0]+(?:Day|Eve))?|Valentine['’]s[ \\t\\u00a0]+Day|" +
  "St\\.?[ \\t\\u00a0]+Patrick['’]s[ \\t\\u00a0]+Day|Juneteenth|Halloween|Veterans['’]?[ \\t\\u00a0]+Day|Boxing[ \\t\\u00a0]+Day|" +
  "Martin[ \\t\\u00a0]+Luther[ \\t\\u00a0]+King(?:,?[ \\t\\u00a0]+Jr\\.?)?[ \\t\\u00a0]+Day|MLK[ \\t\\u00a0]+Day|Presidents['’]?[ \\t\\u00a0]+Day|" +
  'Memorial[ \\t\\u00a0]+Day|Labor[ \\t\\u00a0]+Day|Columbus[ \\t\\u00a0]+Day|Thanksgiving(?:[ \\t\\u00a0]+Day)?|Black[ \\t\\u00a0]+Friday|' +
  'Cyber[ \\t\\u00a0]+Monday|Easter(?:[ \\t\\u00a0]+(?:Sunday|Monday))?|Good[ \\t\\u00a0]+Friday'

const rules: Array<Rule> = [
  // Named holidays, with a year when one follows: “on Christmas Eve”, “Thanksgiving 2019”.
  // Not the islands named after them, nor “Christmas trees” or “Easter eggs”.
  {
    re: new RegExp(`\\b(${HOLIDAY})\\b(?![ \\t\\u00a0]+(?:Island|Islands|Rising|Offensive|Uprising|trees?|eggs?|cards?|carols?|lights?|bunny|parade)\\b)(?:,?[ \\t\\u00a0]+(${YEAR})\\b(?![,.]\\d))?`, 'gd'),
    build(m) {
      const key = holidayKey(m[1]!)
      if (!key) return null
      const spec: Spec = {kind: 'holiday', key}
      if (m[2]) spec.year = Number(m[2])
      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Month day (year): “April 25, 2024”, “Thursday, April 25”, “Apr. 25th”, “April 24-25”.
  {
    re: new RegExp(
      `\\b(${MONTH})[ \\t\\u00a0]*(\\d{1,2})${ORD}\\b(?![ \\t\\u00a0]*[:%]|[.,]\\d)(?:[ \\t\\u00a0]*(?:-|–|to|through)[ \\t\\u00a0]*(\\d{1,2})${ORD}\\b(?![:%]))?(?:[ \\t\\u00a0]*,?[ \\t\\u00a0]+(${YEAR})\\b(?![,.]\\d))?`,
      'gd'
    ),
    prefix: new RegExp(`(?:\\b(${WEEKDAY_ANY}),?[ \\t\\u00a0]+)?$`, 'd'),
    build(m, text) {
      const [, wd, mon, d, d2, y] = m
      if (/[\d$£€][ \t\u00a0]*$/.test(before(text, m.index, 2))) return null
      const spec: Spec = {kind: 'date', month: monthOf(mon!), day: Number(d)}
      if (y) spec.year = Number(y)
      else if (!d2) {
        const shared = coordinatedYear(text, m.index + m[0].length)
        if (shared) spec.year = shared
      }
      if (wd) spec.weekday = weekdayOf(wd)
      if (d2 && Number(d2) > Number(d)) {
        const firstEnd = span(m, 3)!.end + (/^(?:st|nd|rd|th)/.test(text.slice(span(m, 3)!.end)) ? 2 : 0)
        return dayRange(m, spec, Number(d2), 4, firstEnd)
      }

      return dateCandidate(m.index, trimRight(text, m.index + m[0].length), spec)
    }
  },
  // Day month (year): “25 April 2024”, “Fri 28 Oct 2022”, “the 25th of April”.
  {
    re: new RegExp(
      `\\b(\\d{1,2})${ORD}(?:[ \\t\\u00a0]*(?:-|–|to)[ \\t\\u00a0]*(\\d{1,2})${ORD})?[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?(${MONTH})(?:[ \\t\\u00a0]*,?[ \\t\\u00a0]+(${YEAR})\\b(?![,.]\\d))?`,
      'gd'
    ),
    prefix: new RegExp(`(?:\\b(${WEEKDAY_ANY}),?[ \\t\\u00a0]+)?(?:\\bthe[ \\t\\u00a0]+)?$`, 'd'),
    build(m, text) {
      const [, wd, d, d2, mon, y] = m
      if (/[\d$£€.,][ \t\u00a0]*$/.test(before(text, m.index, 2))) return null
      // “5 May” as a count followed by a name: “5 March marchers” is rare; “May” needs a capital.
      const spec: Spec = {kind: 'date', month: monthOf(mon!), day: Number(d)}
      if (y) spec.year = Number(y)
      else if (!d2) {
        const shared = coordinatedYear(text, m.index + m[0].length)
        if (shared) spec.year = shared
      }
      if (wd) spec.weekday = weekdayOf(wd)
      let start = m.index
      if (/^the[ \t\u00a0]/i.test(m[0]) && !wd) start += 4
      if (d2 && Number(d2) > Number(d)) {
        const endSpan = span(m, 3)!
        const {weekday: _w, ...rest} = spec
        const second = dateCandidate(endSpan.start, m.index + m[0].length, {...rest, day: Number(d2)})
        return {
          start,
          end: m.index + m[0].length,
          type: 'DURATION',
          spec: {kind: 'fixed', value: 'P1D'},
          children: [dateCandidate(start, span(m, 2)!.end, spec), second],
          range: true
        }
      }

      return dateCandidate(start, trimRight(text, m.index + m[0].length), spec)
    }
  },
  // Month year: “November 2006”, “Sept. 2001”.
  {
    re: new RegExp(`\\b(${MONTH}),?[ \\t\\u00a0]+(${YEAR})\\b(?![,.]\\d)`, 'gi'),
    prefix: /(?:\b(early|mid|late)[ \t\u00a0-]+)?$/i,
    build(m) {
      const [, mod, mon, y] = m
      if (!/^[A-Z]/.test(mon!)) return null
      const spec: Spec = {kind: 'date', year: Number(y), month: monthOf(mon!)}
      const mm = modOf(mod)
      if (mm) spec.mod = mm
      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Bare month: “April”, “mid-April”, “last September”, “early June”.
  {
    re: new RegExp(
      `\\b(${MONTH_FULL})\\b`,
      'g'
    ),
    prefix: /(?:\b(early|mid|late|last|next|this|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|[Nn]ext|[Tt]his|the[ \t\u00a0]+(?:beginning|start|end|middle)[ \t\u00a0]+of)[ \t\u00a0-]+)?$/,
    build(m, text) {
      const [, pre, mon] = m
      const next = after(text, m.index + m[0].length, 20)
      // A month that starts a name (“April Ryan”) or a month-day handled elsewhere.
      if (/^[ \t\u00a0]+[A-Z][a-z]/.test(next) && !/^[ \t\u00a0]+(?:and|to)\b/.test(next)) return null
      if (/^[ \t\u00a0]*\d/.test(next)) return null
      const prev = before(text, m.index, 20)
      if ((mon === 'May' || mon === 'March') && !pre) {
        // “May” and “March” are verbs too: take them only after a preposition or determiner.
        if (!/\b(?:in|of|since|until|till|by|from|through|to|during|before|after|early|late|mid|last|next|this|and|or|between)[ \t\u00a0]+$/i.test(prev)) return null
      }

      if (!pre && /(?:^|[.!?][ \t\u00a0]+)$/.test(prev) && /^[ \t\u00a0]+[a-z]/.test(next) && (mon === 'May' || mon === 'March')) return null
      const spec: Spec = {kind: 'date', month: monthOf(mon!)}
      // “between March and June 2020”: the year of the second month is the year of both.
      const shared = coordinatedYear(text, m.index + m[0].length)
      if (shared) spec.year = shared
      const lower = pre?.toLowerCase()
      const mod = modOf(lower)
      if (mod) spec.mod = mod
      if (lower === 'last' || lower === 'next' || lower === 'this') {
        spec.dir = lower
      }

      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Numeric dates: “4/25/2024”, “7/8/07”, “25.04.2024”, “2024-04-25”.
  {
    re: /\b(?:(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})|(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2}))(?![\w/]|[.-]\d)/g,
    build(m, text) {
      if (/[\w/.-]/.test(text.charAt(m.index - 1))) return null
      let y: number
      let mo: number
      let d: number
      if (m[1]) {
        const a = Number(m[1])
        const b = Number(m[2])
        y = Number(m[3])
        if (m[3]!.length === 2) y += y < 50 ? 2000 : 1900
        // US order (month first) unless the first number cannot be a month.
        if (a > 12) {
          d = a
          mo = b
        } else {
          mo = a
          d = b
        }
      } else if (m[4]) {
        d = Number(m[4])
        mo = Number(m[5])
        y = Number(m[6])
      } else {
        y = Number(m[7])
        mo = Number(m[8])
        d = Number(m[9])
      }

      if (mo < 1 || mo > 12) return null
      return dateCandidate(m.index, m.index + m[0].length, {kind: 'date', year: y, month: mo, day: d})
    }
  },
  // Year ranges: “from 2009 to 2011”, “between 2014 and 2016”, “2009–2011”.
  {
    re: new RegExp(`\\b(${YEAR})[ \\t\\u00a0]*(?:(-|–|to|through|until|and)[ \\t\\u00a0]*)(${YEAR})\\b(?![,.]\\d|[ \\t\\u00a0]*%)`, 'gdi'),
    build(m, text) {
      const [, a, sep, b] = m
      const prefix = /\b(from|between)[ \t\u00a0]+$/i.exec(before(text, m.index, 10))
      const lower = prefix?.[1]?.toLowerCase()
      const sa = {start: m.index, end: m.index + 4}
      const sb = span(m, 3)!
      const start = prefix ? m.index - prefix[0].length : m.index
      if (sep === 'and' && lower !== 'between') return null
      if (lower === 'between' && sep !== 'and') return null
      const first = Number(a)
      const last = Number(b)
      if (last <= first || last - first > 200) return null
      return {
        start,
        end: m.index + m[0].length,
        type: 'DURATION',
        spec: {kind: 'fixed', value: `P${last - first}Y`},
        children: [
          dateCandidate(sa.start, sa.end, {kind: 'year', year: first}),
          dateCandidate(sb.start, sb.end, {kind: 'year', year: last})
        ],
        range: true
      }
    }
  },
  // Bare years: “in 1997”, “2018”, “early 2023”, “mid-2011”, “the end of 2009”.
  {
    re: new RegExp(
      `\\b(${YEAR})(?![\\w%/]|[.,:]\\d)`,
      'g'
    ),
    prefix: /(?:\b(early|mid|late|the[ \t\u00a0]+(?:beginning|start|end|middle)[ \t\u00a0]+of)[ \t\u00a0-]+)?$/i,
    build(m, text) {
      const [, mod, y] = m
      const value = Number(y)
      const yearStart = m.index + m[0].length - y!.length
      const charBefore = text.charAt(yearStart - 1)
      if (/[\w$£€¥#@.,/'’]/.test(charBefore) || (/[-–]/.test(charBefore) && /\d/.test(text.charAt(yearStart - 2)))) return null
      const prev = before(text, yearStart, 30)
      const next = after(text, m.index + m[0].length, 30)
      const word = /^[ \t\u00a0]+([a-z]+)/.exec(next)?.[1]
      if (word && COUNT_NOUNS.has(word)) return null
      if (!mod && QUANTITY_BEFORE.test(prev) && !/\b(?:and|to)[ \t\u00a0]+$/i.test(prev)) return null
      if (!mod && /\b(?:and|to)[ \t\u00a0]+$/i.test(prev) && /\d[\d,.]*[ \t\u00a0]+(?:and|to)[ \t\u00a0]+$/i.test(prev)) return null
      if (/^[ \t\u00a0]*(?:-|–)[ \t\u00a0]*\d/.test(next)) return null
      // “Russell 2000 Index”, “Windows 2000”, “Euro 2004”: a number in a name.
      const capital = /\b([A-Z][A-Za-z]*)[ \t\u00a0]+$/.exec(prev)?.[1]
      if (!mod && capital && !NAME_OK_BEFORE_YEAR.test(capital)) return null
      if ((value < 1900 || value > 2060) && !mod && !YEAR_PREPOSITION.test(prev)) return null
      const spec: Spec = {kind: 'year', year: value}
      const mm = modOf(mod)
      if (mm) spec.mod = mm
      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Two-digit years: “in ’82”.
  {
    re: /['’](\d{2})(?![\w'’])/g,
    build(m, text) {
      if (/[\w'’]/.test(text.charAt(m.index - 1))) return null
      if (!/\b(?:in|of|since|from|to|until|class[ \t\u00a0]+of|summer|spring|fall|winter)[ \t\u00a0]+$/i.test(before(text, m.index, 20))) return null
      const n = Number(m[1])
      return dateCandidate(m.index, m.index + m[0].length, {kind: 'year', year: n < 30 ? 2000 + n : 1900 + n})
    }
  },
  // Decades: “the 1990s”, “the ’80s”, “the 70s”.
  {
    re: /['’]?\b(1[5-9]\d0|20\d0|[1-9]0)['’]?s\b/gi,
    build(m, text) {
      const digits = m[1]!
      if (digits.length === 2 && !/[ \t\u00a0-]$/.test(text.charAt(m.index - 1)) && !/^['’]/.test(m[0])) return null
      if (/^['’]/.test(m[0]) && /\w/.test(text.charAt(m.index - 1))) return null
      const full = digits.length === 4 ? digits.slice(0, 3) : undefined
      const short = digits.length === 2 ? digits.charAt(0) : undefined
      const prefix = /\b(early|mid|late)[ \t\u00a0-]+$/i.exec(before(text, m.index, 8))
      const mod = prefix?.[1]
      const start = prefix ? m.index - prefix[0].length : m.index
      if (short && /\b(?:his|her|their|its|my|your|our|in[ \t\u00a0]+his|in[ \t\u00a0]+her)[ \t\u00a0]+(?:early[ \t\u00a0]+|mid-|late[ \t\u00a0]+)?$/i.test(before(text, m.index, 20))) return null
      if (short && !prefix && !/^['’]/.test(m[0]) && !/\bthe[ \t\u00a0]+$/i.test(before(text, m.index, 10))) return null
      const value = full ?? `19${short}`
      const spec: Spec = {kind: 'decade', value}
      const mm = modOf(mod)
      if (mm) spec.mod = mm
      return dateCandidate(start, m.index + m[0].length, spec)
    }
  },
  // Weekdays: “Thursday”, “last Tuesday”, “Friday morning”, “late Tuesday”.
  {
    re: new RegExp(`\\b(${WEEKDAY})\\b(?:[ \\t\\u00a0]+(morning|afternoon|evening|night)\\b)?`, 'g'),
    prefix: /(?:\b(last|next|this|late|early|that|Last|Next|This|Late|Early|That)[ \t\u00a0]+)?$/,
    build(m, text) {
      const [, pre, wd, part] = m
      const next = after(text, m.index + m[0].length, 20)
      // “Sunday Times”, “Sunday Telegraph”: a weekday that starts a name.
      if (/^[ \t\u00a0]+(?!ET\b|UTC\b|GMT\b|[AP]M\b)[A-Z][a-z]/.test(next) && !new RegExp(`^[ \\t\\u00a0]+(?:${MONTH_FULL}|${MONTH_ABBR})\\b`).test(next)) return null
      // “Black Monday”, “Super Tuesday”, “Good Friday”: named days.
      if (!pre && /\b(?:Black|Super|Good|Cyber|Ash|Easter|Holy|Blue|Giving|Palm|Bloody|Shrove|Maundy|Whit|Low|Mad|Manic|Fat)[ \t\u00a0]+$/.test(before(text, m.index, 20))) return null
      // “was a Thursday”, “on any Monday”: no day in particular (TIMEX3 `XXXX-WXX-4`); but in
      // “a Wednesday media event” the article belongs to the event, and the day is a real one.
      if (
        !pre &&
        /\b(?:a|an|any)[ \t\u00a0]+$/i.test(before(text, m.index, 6)) &&
        /^(?:$|[ \t\u00a0]*[.,;:!?)]|[ \t\u00a0]+(?:and|or|in|of|when|that|which|before|after)\b)/i.test(next)
      ) {
        const value = `XXXX-WXX-${weekdayOf(wd!)}${part ? `T${PARTS[part.toLowerCase()]}` : ''}`
        return dateCandidate(m.index, m.index + m[0].length, {kind: 'fixed', value}, part ? 'TIME' : 'DATE')
      }
      const lower = pre?.toLowerCase()
      const spec: Spec = {
        kind: 'weekday',
        weekday: weekdayOf(wd!),
        dir: lower === 'last' || lower === 'next' || lower === 'this' ? lower : 'tense'
      }
      if (lower === 'that') spec.anaphoric = true
      if (lower === 'late') spec.mod = 'END'
      if (lower === 'early') spec.mod = 'START'
      if (part) spec.part = PARTS[part]!
      return {start: m.index, end: m.index + m[0].length, type: part ? 'TIME' : 'DATE', spec}
    }
  },
  // Weekday with a day of the month and no month: “Sunday 25”, “on 25 Sunday”.
  {
    re: new RegExp(`\\b(?:(${WEEKDAY}),?[ \\t\\u00a0]+(?:the[ \\t\\u00a0]+)?(\\d{1,2})${ORD}\\b(?![ \\t\\u00a0]*(?:${MONTH}|[:.,]\\d|%|-))|\\bon[ \\t\\u00a0]+(?:the[ \\t\\u00a0]+)?(\\d{1,2})${ORD}[ \\t\\u00a0]+(${WEEKDAY})\\b)`, 'g'),
    build(m) {
      const wd = m[1] ?? m[4]
      const d = Number(m[2] ?? m[3])
      if (d < 1 || d > 31) return null
      // “on 25 Sunday”: the expression starts at the number.
      const start = m[3] ? m.index + m[0].search(/\d/) : m.index
      return dateCandidate(start, m.index + m[0].length, {kind: 'date', day: d, weekday: weekdayOf(wd!)})
    }
  },
  // Times: “3 p.m. ET”, “6:40 p.m.”, “18:00 UTC”, “0800 UTC”, “noon”, with a day after them.
  {
    re: new RegExp(
      `\\b(?:(\\d{1,2})(?:[:.]([0-5]\\d))?[ \\t\\u00a0]*([ap])\\.?[ \\t\\u00a0]?m\\b\\.?|([01]?\\d|2[0-3]):([0-5]\\d)(?::[0-5]\\d)?|([01]\\d|2[0-3])([0-5]\\d)(?=[ \\t\\u00a0]*(?:hours[ \\t\\u00a0]+)?(?:UTC|GMT)\\b)|(noon|midday|midnight))(?:[ \\t\\u00a0]*\\(?[ \\t\\u00a0]*((?:GMT|UTC)[ \\t\\u00a0]*[+−-][ \\t\\u00a0]*\\d{1,2}(?::?\\d{2})?|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|Z)\\b\\)?)?(?:[ \\t\\u00a0]+(?:on[ \\t\\u00a0]+)?(today|tonight|yesterday|tomorrow|${WEEKDAY})\\b)?`,
      'gd'
    ),
    build(m, text) {
      let hour: number
      let minute = 0
      if (m[1]) {
        hour = Number(m[1])
        if (hour < 1 || hour > 12) return null
        minute = m[2] ? Number(m[2]) : 0
        if (m[3]!.toLowerCase() === 'p' && hour !== 12) hour += 12
        if (m[3]!.toLowerCase() === 'a' && hour === 12) hour = 0
      } else if (m[4]) {
        hour = Number(m[4])
        minute = Number(m[5])
        // A bare “2:30” is a score or a ratio as often as a time: it needs a zone or “at”.
        if (!m[9] && !/\bat[ \t\u00a0]+$/i.test(before(text, m.index, 10))) return null
      } else if (m[6]) {
        hour = Number(m[6])
        minute = Number(m[7])
      } else {
        const word = m[8]!.toLowerCase()
        hour = word === 'midnight' ? 24 : 12
        if (word === 'midnight') minute = 0
      }

      const spec: Spec & {kind: 'time'} = {kind: 'time', hour, minute}
      if (m[9]) spec.zone = m[9]
      const dayWord = m[10]
      if (dayWord) {
        const lower = dayWord.toLowerCase()
        if (lower in RELATIVE_DAYS) spec.day = {kind: 'relative', unit: 'day', n: RELATIVE_DAYS[lower]!, anaphoric: false, deictic: true}
        else spec.day = {kind: 'weekday', weekday: weekdayOf(dayWord), dir: 'tense'}
      }

      let end = m.index + m[0].length
      if (text.charAt(end - 1) === ')' && !m[0].includes('(')) end--
      return {start: m.index, end, type: 'TIME', spec}
    }
  },
  // Deictic days: “today”, “yesterday morning”, “earlier today”, “tonight”, “last night”, “this afternoon”.
  {
    re: /\b(today|tonight|tomorrow|yesterday|(?:this|last)[ \t\u00a0]+(?:morning|afternoon|evening|night))\b(?:[ \t\u00a0]+(morning|afternoon|evening|night)\b)?/gi,
    prefix: /(?:\b(earlier|later|late|early)[ \t\u00a0]+)?$/i,
    build(m, text) {
      const [, pre, word, part] = m
      // “From Yesterday” (a title): a capitalized word mid-sentence after another capitalized word.
      if (!pre && /^[A-Z]/.test(word!) && /[A-Za-z][a-z]*[ \t\u00a0]+$/.test(before(text, m.index, 20)) && /\b[A-Z][a-z]*[ \t\u00a0]+$/.test(before(text, m.index, 20))) return null
      const lower = word!.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
      let n = 0
      let p: Part | undefined
      if (lower === 'yesterday') n = -1
      else if (lower === 'tomorrow') n = 1
      else if (lower === 'tonight') p = 'NI'
      else if (lower.startsWith('last')) {
        n = -1
        p = PARTS[lower.slice(5)]
        if (p !== 'NI') n = 0
      } else if (lower.startsWith('this')) p = PARTS[lower.slice(5)]
      if (part) p = PARTS[part.toLowerCase()]
      const spec: Spec = {kind: 'relative', unit: 'day', n, anaphoric: false, deictic: true}
      if (p) spec.part = p
      const pl = pre?.toLowerCase()
      if (pl === 'late') spec.mod = 'END'
      if (pl === 'early') spec.mod = 'START'
      return {start: m.index, end: m.index + m[0].length, type: p ? 'TIME' : 'DATE', spec}
    }
  },
  // Year-on-year comparisons: “the same period last year”, “the same quarter a year earlier”: the
  // month (quarter, week) the story is about, a year back.
  {
    re: /\bthe[ \t\u00a0]+same[ \t\u00a0]+(period|month|quarter|week|time)[ \t\u00a0]+(?:of[ \t\u00a0]+)?(?:(?:a|one)[ \t\u00a0]+year[ \t\u00a0]+(ago|earlier|before)|(last)[ \t\u00a0]+year|the[ \t\u00a0]+(?:previous|prior|last)[ \t\u00a0]+year|the[ \t\u00a0]+year[ \t\u00a0]+(?:before|earlier))\b/gi,
    build(m) {
      const what = m[1]!.toLowerCase()
      const at: Unit = what === 'quarter' ? 'quarter' : what === 'week' ? 'week' : 'month'
      // “Sales in March fell from the same month a year ago”: the period is the one the story is
      // about, the last one it named, else the publication's.
      return {start: m.index, end: m.index + m[0].length, type: 'DATE', spec: {kind: 'relative', unit: 'year', n: -1, anaphoric: true, at, comparison: true}}
    }
  },
  // Anaphoric days: “the day before”, “the next day”, “that day”, “the same day”, “the day”.
  {
    re: /\b(?:the[ \t\u00a0]+(day|night|morning|evening)[ \t\u00a0]+(before|after)|the[ \t\u00a0]+(previous|following|next|same)[ \t\u00a0]+(day|morning|afternoon|evening|night)|(that|the)[ \t\u00a0]+(day|morning|afternoon|evening|night))\b/gi,
    build(m, text) {
      const next = after(text, m.index + m[0].length, 16)
      let n = 0
      let part: Part | undefined
      if (m[1]) {
        n = m[2]!.toLowerCase() === 'before' ? -1 : 1
        // “the day after falling”, “the night before the vote”: anchored on an event, not on a date.
        if (/^[ \t\u00a0]+(?:(?:the|a|an|his|her|their|its)\b|[A-Z]|[a-z]+ing\b)/.test(next)) {
          if (m[1].toLowerCase() !== 'day') return null
          // Keep “the day” itself, anchored on the narrative like any “the day”.
          const end = m.index + m[0].indexOf(m[1]) + m[1].length
          return {start: m.index, end, type: 'DATE', spec: {kind: 'relative', unit: 'day', n: 0, anaphoric: true}}
        }
        if (m[1].toLowerCase() !== 'day') part = PARTS[m[1].toLowerCase()]
      } else if (m[3]) {
        const w = m[3].toLowerCase()
        n = w === 'previous' ? -1 : w === 'same' ? 0 : 1
        if (m[4]!.toLowerCase() !== 'day') part = PARTS[m[4]!.toLowerCase()]
      } else {
        // “the day of the vote”, “the day when”: a day we cannot place.
        if (m[5]!.toLowerCase() === 'the' && /^[ \t\u00a0]+(?:of|when|that|in|on|for|to|it|he|she|they|we|I|was|is)\b/.test(next)) return null
        if (m[5]!.toLowerCase() === 'the' && m[6]!.toLowerCase() !== 'day') return null
        if (m[6]!.toLowerCase() !== 'day') part = PARTS[m[6]!.toLowerCase()]
      }

      const spec: Spec = {kind: 'relative', unit: 'day', n, anaphoric: true}
      if (part) spec.part = part
      return {start: m.index, end: m.index + m[0].length, type: part ? 'TIME' : 'DATE', spec}
    }
  },
  // Calendar units relative to now: “this week”, “last year”, “next month”, “earlier this year”, “the end of last year”.
  {
    prefix: /(?:\b(earlier|later|early|late)[ \t\u00a0]+|\b(the[ \t\u00a0]+(?:end|start|beginning|middle)[ \t\u00a0]+of)[ \t\u00a0]+)?$/i,
    re: /\b(this|last|next|the[ \t\u00a0]+previous|the[ \t\u00a0]+following|the[ \t\u00a0]+past|the[ \t\u00a0]+next|the[ \t\u00a0]+coming|the[ \t\u00a0]+last|the[ \t\u00a0]+current|the|current)[ \t\u00a0]+(week|weekend|month|year|quarter|decade|century|fiscal[ \t\u00a0]+year|financial[ \t\u00a0]+year)\b/gi,
    build(m, text) {
      const [, adverb, boundary, rel, unitRaw] = m
      const relLower = rel!.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
      const unitWord = unitRaw!.toLowerCase().replace(/^(?:fiscal|financial)[ \t\u00a0]+/, '')
      const unit = unitWord as Unit | 'weekend'
      const next = after(text, m.index + m[0].length, 12)
      if (/^[ \t\u00a0]+of\b/.test(next) && !boundary) return null
      if (/^[ \t\u00a0]+(?:ago|later|earlier|before|after)\b/.test(next)) return null
      const start = m.index
      const end = m.index + m[0].length
      if (relLower === 'the past' || relLower === 'the next' || relLower === 'the coming') {
        if (unit === 'weekend') return null
        if (boundary || adverb) return null
        return {start, end, type: 'DURATION', spec: {kind: 'fixed', value: durationValue(1, unit)}}
      }

      if (relLower === 'the' && !boundary) {
        if (unit !== 'weekend') return null
      }

      let n = 0
      let anaphoric = false
      if (relLower === 'last' || relLower === 'the last' || relLower === 'the previous') n = -1
      if (relLower === 'next' || relLower === 'the following') n = 1
      if (relLower === 'the previous' || relLower === 'the following') anaphoric = true
      const spec: Spec = {kind: 'relative', unit, n, anaphoric}
      const mod = modOf(boundary) ?? modOf(adverb === 'earlier' ? undefined : adverb === 'later' ? undefined : adverb)
      if (mod) spec.mod = mod
      return {start, end, type: 'DATE', spec}
    }
  },
  // Quarters: “the third quarter”, “the first quarter of 2009”, “third-quarter”, “Q4 2009”.
  {
    re: new RegExp(
      `\\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[ \\t\\u00a0-]+quarter\\b(?:[ \\t\\u00a0]+of[ \\t\\u00a0]+(?:(${YEAR})|(this|last|next|the)[ \\t\\u00a0]+year))?|\\bQ([1-4])(?:[ \\t\\u00a0]+(${YEAR}))?\\b`,
      'gi'
    ),
    prefix: /(?:\bthe[ \t\u00a0]+)?$/i,
    build(m, text) {
      const ordinal = m[1]?.toLowerCase()
      const quarterNumber = m[4]
        ? Number(m[4])
        : ordinal === 'first' || ordinal === '1st'
          ? 1
          : ordinal === 'second' || ordinal === '2nd'
            ? 2
            : ordinal === 'third' || ordinal === '3rd'
              ? 3
              : 4
      const y = m[2] ?? m[5]
      const rel = m[3]?.toLowerCase()
      if (m[4] && !/^Q/.test(m[0])) return null
      if (/^[ \t\u00a0]+(?:of[ \t\u00a0]+(?:the|a|an|his|her|their)\b|century)/.test(after(text, m.index + m[0].length, 20))) return null
      const spec: Spec & {kind: 'quarter'} = {kind: 'quarter', quarter: quarterNumber}
      if (y) spec.year = Number(y)
      else if (rel === 'this') spec.relYear = 0
      else if (rel === 'last') spec.relYear = -1
      else if (rel === 'next') spec.relYear = 1
      else if (ordinal === 'last' && !rel) spec.previous = true
      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Seasons: “spring 2020”, “this summer”, “last autumn”, “in the fall”.
  {
    prefix: /(?:\b(early|late|mid|last|next|this|the)[ \t\u00a0-]+)?$/di,
    re: new RegExp(`\\b(spring|summer|autumn|fall|winter)\\b(?:[ \\t\\u00a0]+(?:of[ \\t\\u00a0]+)?(${YEAR})\\b)?`, 'gdi'),
    build(m, text) {
      const [, pre, season, y] = m
      const lower = pre?.toLowerCase()
      if (!y && !lower) {
        if (!/\b(?:in|by|until|since|during|this|through|their|its|his|her|our)[ \t\u00a0]+$/i.test(before(text, m.index, 12))) return null
      }

      if (!y && /^[ \t\u00a0]+(?:of|session|term|semester|collection|games|olympics|school)\b/i.test(after(text, m.index + m[0].length, 20))) return null
      if (/^[A-Z]/.test(season!) && !y && lower === undefined && /^[ \t\u00a0]+[A-Z]/.test(after(text, m.index + m[0].length, 4))) return null
      // “the hot spring”, “in the fall of the regime”: without a year, seasons need a calendar context.
      if (season!.toLowerCase() === 'fall' && !y && /^[ \t\u00a0]+of\b/.test(after(text, m.index + m[0].length, 6))) return null
      const spec: Spec & {kind: 'season'} = {kind: 'season', season: SEASONS[season!.toLowerCase()]!}
      if (y) spec.year = Number(y)
      if (lower === 'last' || lower === 'next' || lower === 'this') spec.dir = lower
      // “the summer” keeps its article, as “the third quarter” does (TimeML extents).
      return dateCandidate(m.index, m.index + m[0].length, spec)
    }
  },
  // Durations and offsets: “twenty-one years”, “nearly an hour”, “the past three years”,
  // “27-year”, “two days later”, “a week ago”, “15 a year” (a set).
  {
    re: new RegExp(
      `\\b(${QTY})([ \\t\\u00a0]+and[ \\t\\u00a0]+a[ \\t\\u00a0]+half)?(?:[ \\t\\u00a0]+(?:straight|consecutive|trading|working|business|full|long|more|additional|calendar|school|successive|whole|extra))?(?:[ \\t\\u00a0]+|-)(${UNIT})\\b(?:-(long|old))?(?:[ \\t\\u00a0]+(ago|later|earlier|before|after|from[ \\t\\u00a0]+now|previously|prior)\\b)?`,
      'gdi'
    ),
    build(m, text) {
      const [, qty, half, unitRaw, , offset] = m
      // Modifiers before the quantity are read backwards, so the expression above can start on
      // the quantity and stay fast.
      const prefix = DURATION_PREFIX.exec(before(text, m.index, 48))!
      const [, preMod, the, rel] = prefix
      const qLower = qty!.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
      const unitLower = unitRaw!.toLowerCase()
      const prev = before(text, m.index - prefix[0].length, 30)
      // “30 Seconds to Mars”, “28 Days Later”: a capitalized unit is part of a title.
      if (/^[A-Z]/.test(unitRaw!)) return null
      // “second” as an ordinal: “a second term”, “the second”. Seconds need a number.
      if (/^seconds?$/.test(unitLower) && (qLower === 'a' || qLower === 'an')) return null
      // A decimal like “3.5” after a currency sign, or a count that runs on: “$5 million”.
      if (/[$£€][ \t\u00a0]*$/.test(prev)) return null
      if (/^\d/.test(qLower) && /[\d.,]$/.test(prev)) return null
      let n: number | null = quantity(qLower)
      if (half) n = n === null ? null : n + 0.5
      const vague = n === null
      let start = m.index - prefix[0].length
      const end = m.index + m[0].length
      let mod = modOf(preMod)
      // “over the past two decades”: “over” is a preposition there, not “more than”.
      if (preMod && (/^(?:only|just)$/i.test(preMod) || !mod || (the && /^over$/i.test(preMod)))) {
        start += preMod.length + 1
        mod = undefined
      }

      // “a quarter of”, “three quarters, of”: a fraction.
      if (/^quarters?$/.test(unitLower) && /^[ \t\u00a0]*,?[ \t\u00a0]*of\b/.test(after(text, end, 12))) return null
      // “15 a year”, “twice a week”, “$40 per day”: a set.
      if ((qLower === 'a' || qLower === 'an') && !rel && !offset && !preMod) {
        // Also after a counted noun: “18,000 drivers a day”, “three meals a day”.
        if (
          /(?:\d|\btimes|\bonce|\btwice|\bthrice|\bpercent|%|\bmillion|\bbillion)[ \t\u00a0]*$/i.test(prev) ||
          /(?:\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?))[ \t\u00a0]+[a-z]+s[ \t\u00a0]*$/.test(prev)
        ) {
          const u = unitOf(unitLower)
          const time = isTimeUnit(unitLower) ? 'T' : ''
          return {start, end, type: 'SET', spec: {kind: 'fixed', value: `P${time}${u.factor}${u.unit}`}}
        }
      }

      if (offset) {
        const off = offset.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
        const nextWord = after(text, end, 12)
        if ((off === 'before' || off === 'after' || off === 'prior') && /^[ \t\u00a0]*[\w“"'‘$£€]/.test(nextWord)) {
          // “two days before the vote”: the duration alone, anchored on an event we do not place.
          const durEnd = end - offset.length - 1
          return {start, end: durEnd, type: 'DURATION', spec: {kind: 'fixed', value: durationValue(n, unitLower), ...(mod ? {mod} : {})}}
        }

        if (vague || isTimeUnit(unitLower)) {
          const value = off === 'ago' || off === 'earlier' || off === 'before' || off === 'previously' || off === 'prior' ? 'PAST_REF' : 'FUTURE_REF'
          return {start, end, type: 'DATE', spec: {kind: 'fixed', value}}
        }

        const sign = off === 'ago' || off === 'earlier' || off === 'before' || off === 'previously' || off === 'prior' ? -1 : 1
        const unit = calendarUnit(unitLower)
        const spec: Spec = {
          kind: 'relative',
          unit,
          n: sign * n!,
          anaphoric: off !== 'ago' && off !== 'from now',
          at: unit === 'week' ? 'day' : unit
        }
        if (mod) spec.mod = mod
        return {start, end, type: 'DATE', spec}
      }

      const spec: Spec = {kind: 'fixed', value: durationValue(n, unitLower)}
      if (mod) spec.mod = mod
      const result: Array<Candidate> = [{start, end, type: 'DURATION', spec}]
      // “between 60 and 90 days”, “two to three years”: the first number shares the unit.
      const lower = new RegExp(`(?:^|[ \\t\\u00a0(])(\\d+(?:\\.\\d+)?|${UNITS_W}|${TEENS_W}|${TENS_W})[ \\t\\u00a0]*(?:and|to|or|-|–)[ \\t\\u00a0]*$`, 'i').exec(prev)
      if (lower && n !== null && !preMod && !rel) {
        const first = quantity(lower[1]!)
        if (first !== null && first < n) {
          const firstStart = m.index - lower[0].length + lower[0].indexOf(lower[1]!)
          if (!/[$£€\d.,]$/.test(text.slice(Math.max(0, firstStart - 1), firstStart))) {
            result.push({start: firstStart, end: firstStart + lower[1]!.length, type: 'DURATION', spec: {kind: 'fixed', value: durationValue(first, unitLower)}})
          }
        }
      }

      return result
    }
  },
  // Vague durations: “years”, “decades-long”, “over the years”, “recent years”, “minutes”.
  {
    prefix: /(?:\b(over[ \t\u00a0]+the|in[ \t\u00a0]+recent|recent|the[ \t\u00a0]+past|the[ \t\u00a0]+coming|the[ \t\u00a0]+last|in[ \t\u00a0]+the[ \t\u00a0]+past)[ \t\u00a0]+)?$/i,
    re: /\b(seconds|minutes|hours|days|weeks|months|years|decades|centuries)\b(?:-long)?/gi,
    build(m, text) {
      const [, pre, unitRaw] = m
      const prev = before(text, m.index, 20)
      if (/^[A-Z]/.test(unitRaw!) && !pre && !/(?:^|[.!?:"“]\s*|\n)$/.test(prev)) return null
      if (!pre && !m[0].endsWith('-long') && /\b(?:the|these|those|his|her|their|its|our|my|your|early|final|last|first|next|glory|salad|dog|golden|school|college)[ \t\u00a0]+$/i.test(prev)) return null
      if (/^[ \t\u00a0]+old\b/.test(after(text, m.index + m[0].length, 8))) return null
      if (/^[ \t\u00a0]+(?:ago|later|earlier)\b/.test(after(text, m.index + m[0].length, 10))) {
        return {start: m.index, end: m.index + m[0].length + (/^[ \t\u00a0]+\w+/.exec(after(text, m.index + m[0].length, 10))?.[0].length ?? 0), type: 'DATE', spec: {kind: 'fixed', value: /^[ \t\u00a0]+later/.test(after(text, m.index + m[0].length, 10)) ? 'FUTURE_REF' : 'PAST_REF'}}
      }

      let start = m.index
      const lower = pre?.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
      if (lower === 'in recent' || lower === 'in the past') start += 3
      return {start, end: m.index + m[0].length, type: 'DURATION', spec: {kind: 'fixed', value: durationValue(null, unitRaw!)}}
    }
  },
  // Sets: “annually”, “weekly”, “every Monday”, “each year”, “every two years”.
  {
    re: new RegExp(
      `\\b(?:(annually|annual|yearly|monthly|weekly|daily|nightly|hourly|quarterly|biennial)|(?:(?:[Ee]very|[Ee]ach)[ \\t\\u00a0]+(?:(other)[ \\t\\u00a0]+)?(?:(${QTY})[ \\t\\u00a0]+)?((?:second|minute|hour|day|week|month|quarter|year|decade)s?|${WEEKDAY}|morning|afternoon|evening|night|weekend|spring|summer|autumn|fall|winter)(?:[ \\t\\u00a0]+(morning|afternoon|evening|night))?)|(${WEEKDAY})s)\\b`,
      'gd'
    ),
    build(m, text) {
      const [, adjective, other, qty, what, part, plural] = m
      const start = m.index
      const end = m.index + m[0].length
      if (adjective) {
        const value: Record<string, string> = {
          annually: 'P1Y',
          annual: 'P1Y',
          yearly: 'P1Y',
          monthly: 'P1M',
          weekly: 'P1W',
          daily: 'P1D',
          nightly: 'P1D',
          hourly: 'PT1H',
          quarterly: 'P1Q',
          biennial: 'P2Y'
        }
        return {start, end, type: 'SET', spec: {kind: 'fixed', value: value[adjective]!}}
      }

      if (plural) {
        if (/^[ \t\u00a0]+[A-Z]/.test(after(text, end, 4))) return null
        return {start, end, type: 'SET', spec: {kind: 'fixed', value: `XXXX-WXX-${weekdayOf(plural)}`}}
      }

      const word = what!
      if (new RegExp(`^${WEEKDAY}$`).test(word)) {
        // “every Saturday morning”: the weekday's part of day.
        const time = part ? `T${PARTS[part.toLowerCase()]}` : ''
        return {start, end, type: 'SET', spec: {kind: 'fixed', value: `XXXX-WXX-${weekdayOf(word)}${time}`}}
      }

      // A part of day belongs to a weekday only (“every day morning” is no phrase).
      if (part) return null
      const lower = word.toLowerCase()
      if (lower in PARTS) return {start, end, type: 'SET', spec: {kind: 'fixed', value: `XXXX-XX-XXT${PARTS[lower]}`}}
      if (lower === 'weekend') return {start, end, type: 'SET', spec: {kind: 'fixed', value: 'XXXX-WXX-WE'}}
      if (lower in SEASONS) return {start, end, type: 'SET', spec: {kind: 'fixed', value: `XXXX-${SEASONS[lower]}`}}
      let n = qty ? quantity(qty) : 1
      if (n === null) return null
      if (other) n *= 2
      return {start, end, type: 'SET', spec: {kind: 'fixed', value: durationValue(n, lower)}}
    }
  },
  // Vague references: “now”, “currently”, “recently”, “the past”, “the future”, “soon”.
  {
    re: /\b(right[ \t\u00a0]+now|now|nowadays|currently|presently|at[ \t\u00a0]+present|these[ \t\u00a0]+days|the[ \t\u00a0]+time[ \t\u00a0]+being|(?:more[ \t\u00a0]+|most[ \t\u00a0]+|very[ \t\u00a0]+|until[ \t\u00a0]+)?recently|lately|recent|current|the[ \t\u00a0]+past|the[ \t\u00a0]+future|(?:very[ \t\u00a0]+)?soon|the[ \t\u00a0]+(?:long|short|near)[ \t\u00a0]+term|(?:long|short|near)-term)\b/gi,
    build(m, text) {
      const word = m[1]!.toLowerCase().replace(/[ \t\u00a0]+/g, ' ')
      const next = after(text, m.index + m[0].length, 16)
      const prev = before(text, m.index, 12)
      if (/soon$/.test(word) && (/^[ \t\u00a0]+as\b/.test(next) || /\bas[ \t\u00a0]+$/i.test(prev) || /^[ \t\u00a0]+after\b/.test(next))) return null
      if (word === 'now' && (/^[ \t\u00a0]+(?:that)\b/.test(next) || /\b(?:and|just|by|until|from|till)[ \t\u00a0]+$/i.test(prev))) {
        if (/^[ \t\u00a0]+that\b/.test(next)) return null
      }

      if (word.endsWith('-term')) {
        // As an adjective (“long-term care”) it is vague; keep only “short-term” forecasts after “in the”.
        if (!/\b(?:in[ \t\u00a0]+the|the)[ \t\u00a0]+$/i.test(prev)) return null
      }

      let start = m.index
      let value = 'PRESENT_REF'
      if (/^-/.test(next)) return null
      if (/recent|lately|the past/.test(word)) value = 'PAST_REF'
      else if (/future|soon|term/.test(word)) value = 'FUTURE_REF'
      if (word.startsWith('until ')) start += 6
      if (word === 'the past' && /^[ \t\u00a0]+(?:\d|few|several|many|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade)/i.test(next)) return null
      return {start, end: m.index + m[0].length, type: 'DATE', spec: {kind: 'fixed', value}}
    }
  }
]

const RELATIVE_DAYS: Record<string, number> = {today: 0, tonight: 0, yesterday: -1, tomorrow: 1}

type Indices = Array<[number, number] | undefined>

/** Join the backward match of `prefix` and the match of a rule into one match. */
function withPrefix(prefix: RegExp, core: RegExpExecArray, text: string): RegExpExecArray {
  const offset = Math.max(0, core.index - 48)
  const pre = prefix.exec(text.slice(offset, core.index))
  if (!pre) return core
  const merged = [pre[0] + core[0], ...pre.slice(1), ...core.slice(1)] as unknown as RegExpExecArray
  merged.index = core.index - pre[0].length
  merged.input = text
  const coreIndices = (core as RegExpExecArray & {indices?: Indices}).indices
  if (coreIndices) {
    const preIndices = (pre as RegExpExecArray & {indices?: Indices}).indices ?? pre.map(() => undefined)
    ;(merged as {indices?: Indices}).indices = [
      [merged.index, core.index + core[0].length],
      ...preIndices.slice(1).map((pair): [number, number] | undefined => (pair ? [pair[0] + offset, pair[1] + offset] : undefined)),
      ...coreIndices.slice(1)
    ]
  }

  return merged
}

/**
 * Find candidate temporal expressions in `text`, longest first where they overlap.
 */
export function scan(text: string): Array<Candidate> {
  const found: Array<Candidate> = []
  const order: Array<number> = []
  for (const [index, rule] of rules.entries()) {
    rule.re.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = rule.re.exec(text))) {
      if (match[0].length === 0) {
        rule.re.lastIndex++
        continue
      }

      const built = rule.build(rule.prefix ? withPrefix(rule.prefix, match, text) : match, text)
      if (!built) continue
      for (const candidate of Array.isArray(built) ? built : [built]) {
        if (candidate.end > candidate.start) {
          found.push(candidate)
          order.push(index)
        }
      }
    }
  }

  // Longest first, then the earlier rule; keep those that do not overlap a kept one.
  const ranks = found.map((_, index) => index)
  ranks.sort((a, b) => {
    const x = found[a]!
    const y = found[b]!
    return y.end - y.start - (x.end - x.start) || order[a]! - order[b]! || x.start - y.start
  })
  const taken = new Uint8Array(text.length)
  const kept: Array<Candidate> = []
  for (const rank of ranks) {
    const candidate = found[rank]!
    let free = true
    for (let at = candidate.start; at < candidate.end; at++) {
      if (taken[at]) {
        free = false
        break
      }
    }

    if (!free) continue
    taken.fill(1, candidate.start, candidate.end)
    kept.push(candidate)
  }

  kept.sort((a, b) => a.start - b.start)
  return kept
}
