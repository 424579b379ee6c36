import {describe, expect, it} from 'vitest'
import {run, values} from './helpers.js'

const report = (text: string, published: string | null = '2024-04-26') =>
  run(text, published).messages.map((m) => ({
    ruleId: m.ruleId,
    source: m.source,
    reason: m.reason,
    start: m.place && 'start' in m.place ? m.place.start.offset : undefined,
    actual: m.actual,
    expected: m.expected
  }))

describe('weekday-mismatch', () => {
  it('names the real weekday and lets the value follow the date', () => {
    const text = 'The actress joined the vice president at the White House on 25 Sunday for a roundtable.'
    const file = run(text)
    expect(file.data.dates!.dates.map((d) => [d.text, d.value])).toEqual([['25 Sunday', '2024-04-25']])
    expect(report(text)).toEqual([
      {
        ruleId: 'weekday-mismatch',
        source: 'retext-normalize-dates',
        reason: 'Unexpected weekday `Sunday` in `25 Sunday`: 2024-04-25 is a Thursday',
        start: 60,
        actual: 'Sunday',
        expected: ['Thursday']
      }
    ])
  })

  it('checks a weekday written before a full date', () => {
    const text = 'The ceremony took place Tuesday, April 26, 2024, in the Rose Garden.'
    expect(values(text)).toEqual([['Tuesday, April 26, 2024', '2024-04-26']])
    expect(report(text).map((m) => [m.ruleId, m.expected])).toEqual([['weekday-mismatch', ['Friday']]])
  })

  it('is quiet when the weekday is right', () => {
    expect(report('The ceremony took place Thursday, April 25, 2024.')).toEqual([])
  })
})

describe('impossible-date', () => {
  it('reports a day that does not exist and gives it no value', () => {
    const text = 'The filing is due on February 30 at the latest.'
    const file = run(text)
    expect(file.data.dates!.dates).toEqual([])
    expect(report(text).map((m) => [m.ruleId, m.start, m.actual])).toEqual([['impossible-date', 21, 'February 30']])
  })

  it('reports February 29 in a year without one', () => {
    expect(report('Records from February 29, 2023 were lost.').map((m) => m.ruleId)).toEqual(['impossible-date'])
    expect(report('Records from February 29, 2024 were lost.')).toEqual([])
  })
})

describe('date-conflict', () => {
  const text = 'The council met on April 25 to vote. On Thursday, members approved the budget.'

  it('reports a bare weekday that lands on another day than the explicit date of that weekday', () => {
    // Published Friday 3 May 2024: “Thursday” resolves to 2 May, but the article's Thursday is 25 April.
    expect(report(text, '2024-05-03').map((m) => [m.ruleId, m.start, m.actual, m.expected])).toEqual([
      ['date-conflict', 40, '2024-05-02', ['2024-04-25']]
    ])
  })

  it('reports a relative day that contradicts the date written beside it', () => {
    expect(report('Officials said yesterday (April 24) that the bridge would reopen.').map((m) => [m.ruleId, m.start, m.actual, m.expected])).toEqual([
      ['date-conflict', 15, '2024-04-25', ['2024-04-24']]
    ])
    expect(report('Officials said today, April 26, that the bridge would reopen.')).toEqual([])
  })

  it('is quiet when they agree', () => {
    // Published Monday 29 April 2024: “Thursday” is 25 April.
    expect(report(text, '2024-04-29')).toEqual([])
  })
})

describe('false positives', () => {
  it('leaves verbs, names, slogans, scores and counts alone', () => {
    expect(
      values(
        'Protesters may march on the capital. March forward, she said, and they may well. ' +
          'The Sunday Times reported the store is open 24/7. The home side won 3-2 and the bill passed 52-48. ' +
          'Some 2018 people signed. She finished second in the race, and a second term is likely.'
      )
    ).toEqual([])
  })

  it('leaves titles with time words alone', () => {
    expect(values('Fans of 30 Seconds to Mars streamed the video for “From Yesterday” all night.')).toEqual([])
  })

  it('still reads the months and years those words resemble', () => {
    expect(values('Talks began in May and resumed in March; by 2018 they had failed.')).toEqual([
      ['May', '2023-05'],
      ['March', '2024-03'],
      ['2018', '2018']
    ])
  })
})

describe('reference dates', () => {
  it('reads the calendar date of ISO 8601 and RFC 2822 dates as written', () => {
    expect(run('It rained yesterday.', 'Fri, 26 Apr 2024 23:30:00 -0500').data.dates!.dates[0]!.value).toBe('2024-04-25')
    expect(run('It rained yesterday.', '2024-04-26T23:30:00Z').data.dates!.dates[0]!.value).toBe('2024-04-25')
  })

  it('keeps values partial when the publication date cannot be read', () => {
    const file = run('It rained yesterday, on April 25.', 'last spring')
    expect(file.data.dates!.dates.map((d) => d.value)).toEqual(['XXXX-XX-XX', 'XXXX-04-25'])
  })

  it('handles an empty document', () => {
    expect(run('').data.dates).toEqual({dates: [], reference: '2024-04-26'})
  })
})
