/**
 * Calendar arithmetic, done in UTC through `date-fns` and `@date-fns/utc`.
 *
 * Every date here is a calendar day with no time zone: it is stored as a `UTCDate` at midnight UTC
 * so that the machine's time zone never moves it.
 */
import {UTCDate} from '@date-fns/utc'
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  getISODay,
  getISOWeek,
  getISOWeekYear,
  getQuarter
} from 'date-fns'

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
