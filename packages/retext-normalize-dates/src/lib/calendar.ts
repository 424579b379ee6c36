/**
 * Calendar arithmetic, done in UTC through `date-fns` and `@date-fns/utc`.
 *
 * Every date here is a calendar day with no time zone: it is stored as a `UTCDate` at midnight UTC
 * so that the machine's time zone never moves it.
 */
import {UTCDate} from '@date-fns/utc'
// One module per function: the package's index loads all of date-fns's
// hundreds of modules (about 100 ms of start-up in every stage and worker).
import {addDays} from 'date-fns/addDays'
import {addMonths} from 'date-fns/addMonths'
import {addQuarters} from 'date-fns/addQuarters'
import {addWeeks} from 'date-fns/addWeeks'
import {addYears} from 'date-fns/addYears'
import {getISODay} from 'date-fns/getISODay'
import {getISOWeek} from 'date-fns/getISOWeek'
import {getISOWeekYear} from 'date-fns/getISOWeekYear'
import {getQuarter} from 'date-fns/getQuarter'

export type Day = UTCDate

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** A calendar day, or `null` when it does not exist (February 30). */
export function makeDay(year: number, month: number, day: number): Day | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const date = new UTCDate(year, month - 1, day)
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null
  return date
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/**
 * Parse the calendar date of a publication date as written: ISO 8601 (`2024-04-26`,
 * `2024-04-26T23:30:00-05:00`) or RFC 2822 as in feeds (`Fri, 26 Apr 2024 23:30:00 GMT`).
 * The offset is not applied and `Date.parse` is never used, so the machine's time zone cannot
 * move the date.
 */
export function parseReference(value: string): Day | null {
  const text = value.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(text)
  if (iso) return makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})\b/.exec(text)
  if (rfc) {
    const monthIndex = MONTH_NAMES.indexOf(rfc[2]!.toLowerCase())
    return monthIndex === -1 ? null : makeDay(Number(rfc[3]), monthIndex + 1, Number(rfc[1]))
  }

  return null
}

export const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

export const year = (d: Day): number => d.getFullYear()
export const month = (d: Day): number => d.getMonth() + 1
export const dayOfMonth = (d: Day): number => d.getDate()
/** ISO weekday, Monday 1 … Sunday 7. */
export const weekday = (d: Day): number => getISODay(d)
export const quarter = (d: Day): number => getQuarter(d)

export const formatDay = (d: Day): string => `${pad(year(d), 4)}-${pad(month(d))}-${pad(dayOfMonth(d))}`
export const formatMonth = (d: Day): string => `${pad(year(d), 4)}-${pad(month(d))}`
export const formatWeek = (d: Day): string => `${pad(getISOWeekYear(d), 4)}-W${pad(getISOWeek(d))}`
export const formatQuarter = (d: Day): string => `${pad(year(d), 4)}-Q${quarter(d)}`

export type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century'

/** Move a day by `n` units. */
export function shift(d: Day, unit: Unit, n: number): Day {
  switch (unit) {
    case 'day': {
      return addDays(d, n)
    }

    case 'week': {
      return addWeeks(d, n)
    }

    case 'month': {
      return addMonths(d, n)
    }

    case 'quarter': {
      return addQuarters(d, n)
    }

    case 'year': {
      return addYears(d, n)
    }

    case 'decade': {
      return addYears(d, n * 10)
    }

    case 'century': {
      return addYears(d, n * 100)
    }
  }
}

/** Format a day at the granularity of `unit` (`2024-04-25`, `2024-W17`, `2024-04`, `2024-Q2`, `2024`, `202`, `20`). */
export function formatAt(d: Day, unit: Unit): string {
  switch (unit) {
    case 'day': {
      return formatDay(d)
    }

    case 'week': {
      return formatWeek(d)
    }

    case 'month': {
      return formatMonth(d)
    }

    case 'quarter': {
      return formatQuarter(d)
    }

    case 'year': {
      return pad(year(d), 4)
    }

    case 'decade': {
      return pad(year(d), 4).slice(0, 3)
    }

    case 'century': {
      return pad(year(d), 4).slice(0, 2)
    }
  }
}

/**
 * Whole days from `earlier` to `later`. Both are midnight UTC, where every day
 * has 86,400 seconds, so the difference of their times is exact (date-fns'
 * `differenceInCalendarDays` gives the same and was most of this package's
 * time in profiles).
 */
export const daysBetween = (later: Day, earlier: Day): number => Math.round((later.getTime() - earlier.getTime()) / 86_400_000)

/**
 * Whether US daylight saving time is in force on a day (second Sunday in March to first Sunday in
 * November), for `ET`, `CT`, `MT`, `PT`.
 */
export function usDaylightTime(d: Day): boolean {
  const y = year(d)
  const march = makeDay(y, 3, 1)!
  const november = makeDay(y, 11, 1)!
  const start = addDays(march, ((7 - weekday(march)) % 7) + 7)
  const end = addDays(november, (7 - weekday(november)) % 7)
  return daysBetween(d, start) >= 0 && daysBetween(d, end) < 0
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, as in Meeus). */
function easter(y: number): Day | null {
  const a = y % 19
  const b = Math.floor(y / 100)
  const c = y % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const monthNumber = Math.floor((h + l - 7 * m + 114) / 31)
  const dayNumber = ((h + l - 7 * m + 114) % 31) + 1
  return makeDay(y, monthNumber, dayNumber)
}

/** The `n`th ISO weekday (1 Monday … 7 Sunday) of a month; `n` of -1 is the last. */
function nthWeekday(y: number, m: number, isoWeekday: number, n: number): Day | null {
  if (n > 0) {
    const first = makeDay(y, m, 1)
    return first && shift(first, 'day', ((isoWeekday - weekday(first) + 7) % 7) + (n - 1) * 7)
  }
  const last = shift(makeDay(y, m, 1)!, 'month', 1)
  const end = shift(last, 'day', -1)
  return shift(end, 'day', -((weekday(end) - isoWeekday + 7) % 7))
}

/**
 * Named holidays, by a key `holidayKey` makes of the name: a fixed month and
 * day, or a rule for the year. Holidays whose date differs by country
 * (Thanksgiving, Labor Day, Memorial Day) take their United States date.
 */
const holidays: Record<string, {month: number; day: number} | ((y: number) => Day | null)> = {
  christmas: {month: 12, day: 25},
  'christmas day': {month: 12, day: 25},
  'christmas eve': {month: 12, day: 24},
  'boxing day': {month: 12, day: 26},
  "new year's day": {month: 1, day: 1},
  "new year's eve": {month: 12, day: 31},
  "valentine's day": {month: 2, day: 14},
  "st patrick's day": {month: 3, day: 17},
  juneteenth: {month: 6, day: 19},
  halloween: {month: 10, day: 31},
  'veterans day': {month: 11, day: 11},
  'martin luther king day': (y) => nthWeekday(y, 1, 1, 3),
  "presidents' day": (y) => nthWeekday(y, 2, 1, 3),
  'memorial day': (y) => nthWeekday(y, 5, 1, -1),
  'labor day': (y) => nthWeekday(y, 9, 1, 1),
  'columbus day': (y) => nthWeekday(y, 10, 1, 2),
  thanksgiving: (y) => nthWeekday(y, 11, 4, 4),
  'black friday': (y) => {
    const day = nthWeekday(y, 11, 4, 4)
    return day && shift(day, 'day', 1)
  },
  'cyber monday': (y) => {
    const day = nthWeekday(y, 11, 4, 4)
    return day && shift(day, 'day', 4)
  },
  easter,
  'good friday': (y) => {
    const day = easter(y)
    return day && shift(day, 'day', -2)
  },
  'easter monday': (y) => {
    const day = easter(y)
    return day && shift(day, 'day', 1)
  }
}

/** The key of a holiday's name as written (`Christmas Day`, `New Year’s Eve`, `MLK Day`), or undefined. */
export function holidayKey(name: string): string | undefined {
  const key = name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .replace(/,? jr /, ' ')
    .replace(/^mlk day$/, 'martin luther king day')
    .replace(/^presidents'? day$/, "presidents' day")
    .replace(/^veterans'? day$/, 'veterans day')
    .replace(/^(thanksgiving|easter) (?:day|sunday)$/, '$1')
    .replace(/^new year's$/, "new year's day")
  return key in holidays ? key : undefined
}

/** The day of a holiday (a `holidayKey`) in a year. */
export function holidayDay(key: string, y: number): Day | null {
  const rule = holidays[key]
  if (!rule) return null
  return typeof rule === 'function' ? rule(y) : makeDay(y, rule.month, rule.day)
}

/** The month and day of a holiday that has a fixed one, for a value without a year (`XXXX-12-25`). */
export function holidayFixed(key: string): {month: number; day: number} | undefined {
  const rule = holidays[key]
  return rule && typeof rule !== 'function' ? rule : undefined
}
