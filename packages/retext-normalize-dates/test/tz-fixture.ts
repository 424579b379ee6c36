import {expect} from 'vitest'
import {run} from './helpers.js'

/**
 * The same article must give the same values whatever the machine's time zone: the reference is
 * the calendar date as written in `published`, and arithmetic happens in UTC.
 */
export function expectClockIndependentValues(): void {
  const file = run(
    'The court ruled yesterday. The appeal will be heard on Monday. It was filed on April 1 at 11 p.m., ' +
      'three weeks after the arrest on March 11, and a ruling is due next month.',
    '2024-04-26T23:30:00-05:00'
  )
  expect(file.data.dates!.reference).toBe('2024-04-26T23:30:00-05:00')
  expect(file.data.dates!.dates.map((d) => [d.text, d.value])).toEqual([
    ['yesterday', '2024-04-25'],
    ['Monday', '2024-04-29'],
    ['April 1', '2024-04-01'],
    ['11 p.m.', '2024-04-01T23:00'],
    ['three weeks', 'P3W'],
    ['March 11', '2024-03-11'],
    ['next month', '2024-05']
  ])
}
