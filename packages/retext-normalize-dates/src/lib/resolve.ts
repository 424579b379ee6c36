/**
 * Deciding values: anchoring each `Spec` on the publication date or on the narrative.
 */
import {
  type Day,
  type Unit,
  WEEKDAY_NAMES,
  dayOfMonth,
  daysBetween,
  formatAt,
  formatDay,
  formatMonth,
  formatWeek,
  holidayDay,
  holidayFixed,
  makeDay,
  month,
  pad,
  quarter,
  shift,
  usDaylightTime,
  weekday,
  year
} from './calendar.js'
import {type Direction, type Spec, tenseAround} from './scan.js'

/** Where the narrative stands while reading the text in order. */
export interface Context {
  text: string
  /** Publication date. */
  ref: Day | null
  /** Last day-precision date of the narrative, with the id of its expression. */
  last: {day: Day; id: string} | null
  /** Last date of the narrative at any precision (“in 2009”, “in May”), for “two years later”. */
  lastPoint: {day: Day; id: string} | null
  /** First day-precision date of the text that is not the publication date: the event of the lede. */
  lede: {day: Day; id: string} | null
  inQuote: (offset: number) => boolean
}

export interface Resolved {
  value: string
  symbolic?: string
  anchor?: string
  mod?: string
  /** Day this expression points to, when it has day precision. */
  day?: Day
  /** First day of the period this expression points to (a year, a month, a quarter, a day). */
  point?: Day
  /** A stated weekday that does not match the date. */
  mismatch?: {stated: number; actual: number}
  /** The expression names a day that does not exist. */
  impossible?: string
  /** The expression was explicit about its day (month and day given). */
  explicit?: boolean
}

type Tense = 'past' | 'future' | 'unknown'

function tenseAt(ctx: Context, start: number, end: number): Tense {
  return tenseAround(ctx.text, start, end)
}

/**
 * Choose among candidate days (the same calendar day in neighbouring years or months): in the
 * past tense the latest on or before the reference, in the future the earliest on or after it,
 * else the nearest. For days, one within a month of the reference wins whatever the tense.
 */
function choose(candidates: Array<Day>, ref: Day, tense: Tense, slack = 0): Day {
  let best = candidates[0]!
  for (const d of candidates) if (Math.abs(daysBetween(d, ref)) < Math.abs(daysBetween(best, ref))) best = d
  // Within `slack` days of the reference, the nearest wins whatever the tense (“was moved to May 2”).
  if (Math.abs(daysBetween(best, ref)) <= slack) return best
  if (tense === 'past') {
    const past = candidates.filter((d) => daysBetween(d, ref) <= 0)
    if (past.length > 0) return past.reduce((a, b) => (daysBetween(a, b) > 0 ? a : b))
  }

  if (tense === 'future') {
    const future = candidates.filter((d) => daysBetween(d, ref) >= 0)
    if (future.length > 0) return future.reduce((a, b) => (daysBetween(a, b) < 0 ? a : b))
  }

  return best
}

const withMod = (resolved: Resolved, mod: string | undefined): Resolved => (mod ? {...resolved, mod} : resolved)

function resolveDate(spec: Spec & {kind: 'date'}, ctx: Context, tense: () => Tense): Resolved {
  const {year: y, month: m, day: d} = spec
  if (y !== undefined && m !== undefined && d !== undefined) {
    const day = makeDay(y, m, d)
    if (!day) return {value: '', impossible: `${y}-${pad(m)}-${pad(d)}`}
    return withMod(checkWeekday({value: formatDay(day), day, explicit: true}, spec.weekday), spec.mod)
  }

  if (y !== undefined && m !== undefined) return withMod({value: `${pad(y, 4)}-${pad(m)}`, point: makeDay(y, m, 1)!}, spec.mod)

  if (m !== undefined && d !== undefined) {
    const symbolic = `XXXX-${pad(m)}-${pad(d)}`
    if (!makeDay(2000, m, d)) return {value: '', impossible: symbolic}
    if (!ctx.ref) return withMod({value: symbolic}, spec.mod)
    const ry = year(ctx.ref)
    const candidates = [ry - 1, ry, ry + 1].map((yy) => makeDay(yy, m, d)).filter((x): x is Day => x !== null)
    if (candidates.length === 0) return {value: '', impossible: symbolic}
    const day = choose(candidates, ctx.ref, tense(), 31)
    if (m === 2 && d === 29 && year(day) !== ry && makeDay(ry, 2, 29) === null && Math.abs(year(day) - ry) > 0) {
      // “February 29” in a year that has none.
      if (Math.abs(daysBetween(day, ctx.ref)) > 200) return {value: '', impossible: `${ry}-02-29`}
    }

    return withMod(checkWeekday({value: formatDay(day), symbolic, anchor: 'published', day, explicit: true}, spec.weekday), spec.mod)
  }

  if (m !== undefined) {
    const symbolic = `XXXX-${pad(m)}`
    if (!ctx.ref) return withMod({value: symbolic}, spec.mod)
    const ry = year(ctx.ref)
    const rm = month(ctx.ref)
    let yy: number
    const dir: Direction = spec.dir ?? 'tense'
    if (dir === 'last') yy = m < rm ? ry : ry - 1
    else if (dir === 'next') yy = m > rm ? ry : ry + 1
    else if (dir === 'this') yy = ry
    else {
      const start = makeDay(ry, rm, 1)!
      yy = year(choose([ry - 1, ry, ry + 1].map((k) => makeDay(k, m, 1)!), start, tense()))
    }

    return withMod({value: `${pad(yy, 4)}-${pad(m)}`, symbolic, anchor: 'published', point: makeDay(yy, m, 1)!}, spec.mod)
  }

  if (d !== undefined) {
    const symbolic = `XXXX-XX-${pad(d)}`
    if (!ctx.ref) return {value: symbolic}
    const base = makeDay(year(ctx.ref), month(ctx.ref), 1)!
    const candidates = [-1, 0, 1]
      .map((k) => shift(base, 'month', k))
      .map((first) => makeDay(year(first), month(first), d))
      .filter((x): x is Day => x !== null)
    if (candidates.length === 0) return {value: '', impossible: symbolic}
    const day = choose(candidates, ctx.ref, tense(), 31)
    return checkWeekday({value: formatDay(day), symbolic, anchor: 'published', day, explicit: true}, spec.weekday)
  }

  return {value: 'XXXX-XX-XX'}
}

function checkWeekday(resolved: Resolved, stated: number | undefined): Resolved {
  if (stated === undefined || !resolved.day) return resolved
  const actual = weekday(resolved.day)
  return actual === stated ? resolved : {...resolved, mismatch: {stated, actual}}
}

function resolveWeekday(spec: Spec & {kind: 'weekday'}, ctx: Context, tense: () => Tense): Resolved {
  const symbolic = `XXXX-WXX-${spec.weekday}`
  const partSuffix = spec.part ? `T${spec.part}` : ''
  const base = spec.anaphoric && ctx.last ? ctx.last : ctx.ref ? {day: ctx.ref, id: 'published'} : null
  if (!base) return withMod({value: symbolic + partSuffix}, spec.mod)
  const bw = weekday(base.day)
  let offset: number
  const back = -((bw - spec.weekday + 7) % 7)
  const forward = (spec.weekday - bw + 7) % 7
  switch (spec.dir) {
    case 'last': {
      offset = back === 0 ? -7 : back
      break
    }

    case 'next': {
      offset = forward === 0 ? 7 : forward
      break
    }

    case 'this': {
      offset = forward
      break
    }

    default: {
      // “that Thursday”: the one nearest the narrative's day, in either direction.
      if (spec.anaphoric && ctx.last) offset = forward <= -back ? forward : back
      else offset = tense() === 'future' ? forward : back
    }
  }

  const day = shift(base.day, 'day', offset)
  return withMod({value: formatDay(day) + partSuffix, symbolic: symbolic + partSuffix, anchor: base.id, day}, spec.mod)
}

function resolveRelative(spec: Spec & {kind: 'relative'}, ctx: Context, start: number): Resolved {
  let base: {day: Day; id: string} | null = ctx.ref ? {day: ctx.ref, id: 'published'} : null
  if (spec.anaphoric) {
    const coarse = spec.unit === 'year' || spec.unit === 'month' || spec.unit === 'quarter' || spec.unit === 'decade' || spec.unit === 'century'
    const narrative = coarse ? (ctx.lastPoint ?? ctx.last) : ctx.last
    if (narrative) base = narrative
  }
  // In quoted speech, “today” is the day the words were said: the event of the lede, when it is
  // in the days just before publication.
  if (spec.deictic && ctx.ref && ctx.lede && ctx.inQuote(start)) {
    const gap = daysBetween(ctx.ref, ctx.lede.day)
    if (gap > 0 && gap <= 7) base = ctx.lede
  }

  const partSuffix = spec.part ? `T${spec.part}` : ''
  const sign = spec.n < 0 ? '-' : '+'
  const unitLetter: Record<string, string> = {day: 'D', week: 'W', weekend: 'W', month: 'M', quarter: 'Q', year: 'Y', decade: 'DE', century: 'CE'}
  const symbolic = `${sign}P${Math.abs(spec.n)}${unitLetter[spec.unit]}${partSuffix}`
  if (!base) {
    const partial: Record<string, string> = {
      day: 'XXXX-XX-XX',
      week: 'XXXX-WXX',
      weekend: 'XXXX-WXX-WE',
      month: 'XXXX-XX',
      quarter: 'XXXX-QX',
      year: 'XXXX',
      decade: 'XXX',
      century: 'XX'
    }
    return withMod({value: (spec.at ? partial[spec.at] : partial[spec.unit])! + partSuffix, symbolic}, spec.mod)
  }

  if (spec.unit === 'weekend') {
    const day = shift(base.day, 'week', spec.n)
    return withMod({value: `${formatWeek(day)}-WE`, symbolic, anchor: base.id}, spec.mod)
  }

  const unit: Unit = spec.unit
  const day = shift(base.day, unit, spec.n)
  const at = spec.at ?? unit
  const resolved: Resolved = {value: formatAt(day, at) + partSuffix, symbolic, anchor: base.id}
  // A comparison looks back: the story's time stays where it was.
  if (spec.comparison) return withMod(resolved, spec.mod)
  if (at === 'day') resolved.day = day
  if (at === 'year') resolved.point = makeDay(year(day), 1, 1)!
  if (at === 'month') resolved.point = makeDay(year(day), month(day), 1)!
  return withMod(resolved, spec.mod)
}

const ZONES: Record<string, string> = {
  UTC: 'Z',
  GMT: 'Z',
  Z: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  BST: '+01:00'
}
const US_ZONES: Record<string, [number, number]> = {ET: [-5, -4], CT: [-6, -5], MT: [-7, -6], PT: [-8, -7]}

function zoneSuffix(zone: string | undefined, day: Day | undefined): string {
  if (!zone) return ''
  if (zone in ZONES) return ZONES[zone]!
  const offset = /^(?:GMT|UTC)\s*([+−-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(zone)
  if (offset) {
    const hours = Number(offset[2])
    if (hours > 14) return ''
    if (hours === 0 && !offset[3]) return 'Z'
    return `${offset[1] === '+' ? '+' : '-'}${pad(hours)}:${offset[3] ?? '00'}`
  }

  const offsets = US_ZONES[zone]
  if (!offsets || !day) return ''
  const hours = usDaylightTime(day) ? offsets[1] : offsets[0]
  return `-${pad(-hours)}:00`
}

/** Resolve one expression. */
export function resolve(spec: Spec, ctx: Context, start: number, end: number): Resolved {
  let cached: Tense | undefined
  const tense = (): Tense => (cached ??= tenseAt(ctx, start, end))
  switch (spec.kind) {
    case 'date': {
      return resolveDate(spec, ctx, tense)
    }

    case 'year': {
      return withMod({value: pad(spec.year, 4), point: makeDay(spec.year, 1, 1)!}, spec.mod)
    }

    case 'decade': {
      return withMod({value: spec.value}, spec.mod)
    }

    case 'quarter': {
      const symbolic = `XXXX-Q${spec.quarter}`
      if (spec.year !== undefined) return {value: `${pad(spec.year, 4)}-Q${spec.quarter}`}
      if (!ctx.ref) return {value: spec.previous ? 'XXXX-QX' : symbolic}
      const ry = year(ctx.ref)
      if (spec.previous) return {value: formatAt(shift(ctx.ref, 'quarter', -1), 'quarter'), symbolic: '-P1Q', anchor: 'published'}
      if (spec.relYear !== undefined) return {value: `${ry + spec.relYear}-Q${spec.quarter}`, symbolic, anchor: 'published'}
      const start = makeDay(ry, quarter(ctx.ref) * 3 - 2, 1)!
      const yy = year(choose([ry - 1, ry, ry + 1].map((k) => makeDay(k, spec.quarter * 3 - 2, 1)!), start, tense()))
      return {value: `${yy}-Q${spec.quarter}`, symbolic, anchor: 'published'}
    }

    case 'season': {
      const symbolic = `XXXX-${spec.season}`
      if (spec.year !== undefined) return {value: `${pad(spec.year, 4)}-${spec.season}`}
      if (!ctx.ref) return {value: symbolic}
      const order = ['WI', 'SP', 'SU', 'FA']
      const rm = month(ctx.ref)
      const current = rm === 12 || rm <= 2 ? 0 : rm <= 5 ? 1 : rm <= 8 ? 2 : 3
      const index = order.indexOf(spec.season)
      const ry = year(ctx.ref)
      let yy = ry
      const dir = spec.dir ?? 'tense'
      const t = dir === 'tense' ? tense() : 'unknown'
      if (dir === 'last' || (dir === 'tense' && t === 'past')) yy = index < current || (dir === 'tense' && index === current) ? ry : ry - 1
      else if (dir === 'next' || (dir === 'tense' && t === 'future')) yy = index > current || (dir === 'tense' && index === current) ? ry : ry + 1
      return {value: `${yy}-${spec.season}`, symbolic, anchor: 'published'}
    }

    case 'weekday': {
      return resolveWeekday(spec, ctx, tense)
    }

    case 'relative': {
      return resolveRelative(spec, ctx, start)
    }

    case 'fixed': {
      return withMod({value: spec.value}, spec.mod)
    }

    case 'holiday': {
      if (spec.year !== undefined) {
        const day = holidayDay(spec.key, spec.year)
        return day ? {value: formatDay(day), day, explicit: true} : {value: pad(spec.year, 4)}
      }

      const fixed = holidayFixed(spec.key)
      const symbolic = fixed ? `XXXX-${pad(fixed.month)}-${pad(fixed.day)}` : 'XXXX-XX-XX'
      if (!ctx.ref) return {value: symbolic}
      const ry = year(ctx.ref)
      const candidates = [ry - 1, ry, ry + 1].map((y) => holidayDay(spec.key, y)).filter((x): x is Day => x !== null)
      if (candidates.length === 0) return {value: symbolic}
      const day = choose(candidates, ctx.ref, tense(), 31)
      return {value: formatDay(day), symbolic, anchor: 'published', day, explicit: true}
    }

    case 'time': {
      let day: Day | undefined
      let anchor: string | undefined
      let symbolicDay = 'XXXX-XX-XX'
      if (spec.day) {
        const inner = resolve(spec.day, ctx, start, end)
        day = inner.day
        anchor = inner.anchor
        if (inner.symbolic) symbolicDay = inner.symbolic
      } else if (ctx.last) {
        day = ctx.last.day
        anchor = ctx.last.id
      } else if (ctx.ref) {
        day = ctx.ref
        anchor = 'published'
      }

      const clock = `T${pad(spec.hour)}:${pad(spec.minute)}${zoneSuffix(spec.zone, day)}`
      if (!day) return {value: `XXXX-XX-XX${clock}`}
      const resolved: Resolved = {value: formatDay(day) + clock, symbolic: `${symbolicDay}${clock}`, day}
      if (anchor) resolved.anchor = anchor
      return resolved
    }
  }
}

export const weekdayName = (n: number): string => WEEKDAY_NAMES[n - 1]!
export {dayOfMonth, formatDay, formatMonth}
