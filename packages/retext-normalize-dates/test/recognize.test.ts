import {describe, expect, it} from 'vitest'
import {dates, run, values} from './helpers.js'

// Reference date of the fixtures: Friday 26 April 2024.

describe('absolute dates', () => {
  it('reads the common news forms', () => {
    expect(
      values(
        'The hearing opened on April 25, 2024 in Dover. A second session was set for 25 April 2024, then moved to Apr. 29. ' +
          'Filings dated 4/25/2024 and 2024-04-25 were entered. Officials met Thursday, April 25, and again on Fri 28 Oct 2022 in an older case.'
      )
    ).toEqual([
      ['April 25, 2024', '2024-04-25'],
      ['25 April 2024', '2024-04-25'],
      ['Apr. 29', '2024-04-29'],
      ['4/25/2024', '2024-04-25'],
      ['2024-04-25', '2024-04-25'],
      ['Thursday, April 25', '2024-04-25'],
      ['Fri 28 Oct 2022', '2022-10-28']
    ])
  })

  it('reads named holidays, fixed and movable, with or without a year, and not the places named after them', () => {
    // Published Friday 2024-04-26 (the helpers' default): the nearest of each, in the sentence's tense.
    expect(
      values(
        'Stores will close early on Christmas Eve and will reopen after New Year’s Day. Thanksgiving 2019 was quiet; ' +
          'Labor Day brought crowds, as Easter Monday had. Easter Island and Christmas trees are not dates.'
      )
    ).toEqual([
      ['Christmas Eve', '2024-12-24'],
      ['New Year’s Day', '2025-01-01'],
      ['Thanksgiving 2019', '2019-11-28'],
      ['Labor Day', '2023-09-04'],
      ['Easter Monday', '2024-04-01']
    ])
    const [christmas] = dates('Shoppers filled the streets before Christmas.', null)
    expect(christmas).toMatchObject({text: 'Christmas', type: 'DATE', value: 'XXXX-12-25'})
  })

  it('gives no day in particular to a weekday after an indefinite article, unless the article is the next noun’s', () => {
    expect(values('The 2019 holiday was a Thursday. They met on a Friday, and at a Monday briefing they split.')).toEqual([
      ['2019', '2019'],
      ['Thursday', 'XXXX-WXX-4'],
      ['Friday', 'XXXX-WXX-5'],
      ['Monday', '2024-04-22']
    ])
  })

  it('keeps offsets, ids, types and the symbolic form', () => {
    const text = 'Kim Kardashian arrived in Washington on April 25th with a purpose.'
    const [date] = dates(text)
    expect(date).toEqual({
      id: 't1',
      start: 40,
      end: 50,
      text: 'April 25th',
      type: 'DATE',
      value: '2024-04-25',
      symbolic: 'XXXX-04-25',
      anchor: 'published'
    })
    expect(text.slice(date!.start, date!.end)).toBe('April 25th')
  })

  it('reads dates from tokenized text, with a space before the comma', () => {
    expect(values('The regiment was mustered out June 21 , 1865 .')).toEqual([['June 21 , 1865', '1865-06-21']])
  })

  it('reads a dateline under a headline that ends in a number', () => {
    expect(values('Airline unveils long-range 777\nFebruary 17, 2005\nThe plane flew.', '2005-02-17')).toEqual([
      ['February 17, 2005', '2005-02-17']
    ])
  })

  it('places a day without a year nearest the publication date', () => {
    expect(values('The maiden flight took place on 11 December, four years late.', '2010-01-25')[0]).toEqual([
      '11 December',
      '2009-12-11'
    ])
    expect(values('The deal was agreed, and it will close on November 11.', '2005-11-05')[0]).toEqual(['November 11', '2005-11-11'])
  })
})

describe('partial and coarse dates', () => {
  it('gives months, years, decades, seasons, quarters and their modifiers', () => {
    const found = dates(
      'Sales fell in April. The firm was founded in 1997 and grew through the 1990s. ' +
        'A new plant opens in spring 2020; results for the third quarter disappointed. ' +
        'Prices rose in early 2023 and again in mid-April. The program ends in late 2026. Crews finish in the fall.'
    )
    expect(found.map((d) => [d.text, d.value, d.mod ?? null])).toEqual([
      ['April', '2024-04', null],
      ['1997', '1997', null],
      ['1990s', '199', null],
      ['spring 2020', '2020-SP', null],
      ['the third quarter', '2023-Q3', null],
      ['early 2023', '2023', 'START'],
      ['mid-April', '2024-04', 'MID'],
      ['late 2026', '2026', 'END'],
      ['the fall', '2024-FA', null]
    ])
  })
})

describe('relative expressions', () => {
  it('anchors deictic expressions on the publication date', () => {
    expect(
      values(
        'The council voted Thursday. Last Tuesday the mayor resigned. Today the clerk said so, ' +
          'and yesterday the union agreed. Talks resume this week and end next month. ' +
          'A week ago nobody expected it; earlier this year it seemed settled.'
      )
    ).toEqual([
      ['Thursday', '2024-04-25'],
      ['Last Tuesday', '2024-04-23'],
      ['Today', '2024-04-26'],
      ['yesterday', '2024-04-25'],
      ['this week', '2024-W17'],
      ['next month', '2024-05'],
      ['A week ago', '2024-04-19'],
      ['earlier this year', '2024']
    ])
  })

  it('lets the tense decide where a bare weekday points', () => {
    expect(values('The board will meet on Tuesday to decide.')[0]).toEqual(['Tuesday', '2024-04-30'])
    expect(values('The board met on Tuesday and decided.')[0]).toEqual(['Tuesday', '2024-04-23'])
  })

  it('reads the tense of a month’s own clause: a future auxiliary over its participle, plans and hopes, a clause of its own, not the attribution after it', () => {
    const at = (text: string) => values(text, '2024-04-29')[0]
    // “will keep … closed”: the participle is no past tense.
    expect(at('Crews will keep the ramp closed through the end of June.')).toEqual(['the end of June', '2024-06'])
    // The month is in the “where” clause, in the present; the past is the reporting clause's.
    expect(at('She said demand was highest in Porto, where the band plays two shows in mid-June.')).toEqual(['mid-June', '2024-06'])
    // “…, the analyst said” reports what comes before it: the modal decides.
    expect(at('Fares may fall after the last show on June 9, the analyst said.')).toEqual(['June 9', '2024-06-09'])
    expect(at('The club hopes to open its new stand in August.')).toEqual(['August', '2024-08'])
    // A present perfect speaks of now: the coming Friday; a simple past, the last one.
    expect(values('The regulator has ordered all exchanges closed until Friday.', '2024-04-25')[0]).toEqual(['Friday', '2024-04-26'])
    expect(values('The exchanges were closed until Friday.', '2024-04-25')[0]).toEqual(['Friday', '2024-04-19'])
    // And the past stays past.
    expect(at('Sales fell in June, the company said.')).toEqual(['June', '2023-06'])
    expect(at('The company said sales rose in October.')).toEqual(['October', '2023-10'])
  })

  it('takes the tense of the weekday’s own clause, not of a clause that a “that” or “which” opens after it', () => {
    // Reported speech: the telling was on Tuesday; the repaving is another clause.
    expect(values('The mayor told a packed hall of residents on Tuesday that the city would repave Elm Street.')[0]).toEqual([
      'Tuesday',
      '2024-04-23'
    ])
    expect(values('The plant announced on Monday, which analysts will welcome, a second shift.')[0]).toEqual(['Monday', '2024-04-22'])
    // With nothing before it, the clause after still speaks.
    expect(values('On Tuesday the city will repave Elm Street.')[0]).toEqual(['Tuesday', '2024-04-30'])
  })

  it('gives a year-on-year comparison the reference’s month, quarter or week a year back', () => {
    expect(values('Sales rose 4% from the same period last year, and the same quarter a year ago was weak.')).toEqual([
      ['the same period last year', '2023-04'],
      ['the same quarter a year ago', '2023-Q2']
    ])
    // The month the story is about, when it names one.
    expect(values('Exports fell in March, down 3% from the same month a year earlier.')).toEqual([
      ['March', '2024-03'],
      ['the same month a year earlier', '2023-03']
    ])
  })

  it('anchors anaphoric expressions on the narrative', () => {
    const found = dates('The storm hit on March 3. Two days later the river crested, and the day before, crews had cleared drains.')
    expect(found.map((d) => [d.id, d.text, d.value, d.anchor ?? null])).toEqual([
      ['t1', 'March 3', '2024-03-03', 'published'],
      ['t2', 'Two days later', '2024-03-05', 't1'],
      ['t3', 'the day before', '2024-03-04', 't2']
    ])
  })

  it('anchors “today” in quoted speech on the event of the lede', () => {
    const found = dates(
      'The senator visited the plant on April 22.\n\n"We are proud to open this line today," she told workers.'
    )
    expect(found.map((d) => [d.text, d.value, d.anchor])).toEqual([
      ['April 22', '2024-04-22', 'published'],
      ['today', '2024-04-22', 't1']
    ])
  })
})

describe('times', () => {
  it('reads clock times, zones and parts of the day', () => {
    expect(
      values(
        'Polls closed at 3 p.m. ET on Thursday. The count began at noon. Results were posted this afternoon. ' +
          'The dispute started late Tuesday. Launch was at 18:00 UTC. The plane landed at 6:40 p.m. (GMT +8).'
      )
    ).toEqual([
      ['3 p.m. ET on Thursday', '2024-04-25T15:00-04:00'],
      ['noon', '2024-04-25T12:00'],
      ['this afternoon', '2024-04-26TAF'],
      ['late Tuesday', '2024-04-23'],
      ['18:00 UTC', '2024-04-23T18:00Z'],
      ['6:40 p.m. (GMT +8)', '2024-04-23T18:40+08:00']
    ])
  })
})

describe('durations, sets and vague references', () => {
  it('gives durations with modifiers', () => {
    const found = dates(
      'He served twenty-one years. The strike lasted 294 days. The meeting ran nearly an hour. ' +
        'It took several years, and decades of work, for the 27-year dispute to end.'
    )
    expect(found.map((d) => [d.text, d.type, d.value, d.mod ?? null])).toEqual([
      ['twenty-one years', 'DURATION', 'P21Y', null],
      ['294 days', 'DURATION', 'P294D', null],
      ['nearly an hour', 'DURATION', 'PT1H', 'LESS_THAN'],
      ['several years', 'DURATION', 'PXY', null],
      ['decades', 'DURATION', 'PXDE', null],
      ['27-year', 'DURATION', 'P27Y', null]
    ])
  })

  it('gives sets', () => {
    const found = dates('The fair is held annually. Trash goes out every Monday, taxes are due each year, and the plant builds 15 a year.')
    expect(found.map((d) => [d.text, d.type, d.value])).toEqual([
      ['annually', 'SET', 'P1Y'],
      ['every Monday', 'SET', 'XXXX-WXX-1'],
      ['each year', 'SET', 'P1Y'],
      ['a year', 'SET', 'P1Y']
    ])
    // A weekday's part of day, and a rate after a counted noun.
    const more = dates('Volunteers meet every Saturday morning; the bridge carries 18,000 drivers a day. It took a day to fix.')
    expect(more.map((d) => [d.text, d.type, d.value])).toEqual([
      ['every Saturday morning', 'SET', 'XXXX-WXX-6TMO'],
      ['a day', 'SET', 'P1D'],
      ['a day', 'DURATION', 'P1D']
    ])
  })

  it('gives vague references', () => {
    expect(values('Now the agency says it recently changed course and may revisit it in the future.')).toEqual([
      ['Now', 'PRESENT_REF'],
      ['recently', 'PAST_REF'],
      ['the future', 'FUTURE_REF']
    ])
  })
})

describe('ranges', () => {
  it('gives a range with its two ends', () => {
    const found = dates('The survey ran from 2019 to 2021. Hearings are set for April 24-25.')
    expect(found.map((d) => [d.id, d.text, d.type, d.value, d.range ?? null])).toEqual([
      ['t1', 'from 2019 to 2021', 'DURATION', 'P2Y', {begin: '2019', end: '2021'}],
      ['t2', '2019', 'DATE', '2019', null],
      ['t3', '2021', 'DATE', '2021', null],
      ['t4', 'April 24-25', 'DURATION', 'P1D', {begin: '2024-04-24', end: '2024-04-25'}],
      ['t5', 'April 24', 'DATE', '2024-04-24', null],
      ['t6', '25', 'DATE', '2024-04-25', null]
    ])
  })
})

describe('without a reference date', () => {
  it('keeps values partial instead of inventing a year', () => {
    const file = run('The vote is on April 25, and the count on Thursday.', null)
    expect(file.data.dates).toEqual({
      reference: null,
      dates: [
        {id: 't1', start: 15, end: 23, text: 'April 25', type: 'DATE', value: 'XXXX-04-25'},
        {id: 't2', start: 42, end: 50, text: 'Thursday', type: 'DATE', value: 'XXXX-WXX-4'}
      ]
    })
  })

  it('takes the `published` option over ingest', () => {
    const file = run('It rained yesterday.', '2024-04-26', {options: {published: '2023-01-01T08:00:00+09:00'}})
    expect(file.data.dates).toEqual({
      reference: '2023-01-01T08:00:00+09:00',
      dates: [{id: 't1', start: 10, end: 19, text: 'yesterday', type: 'DATE', value: '2022-12-31', symbolic: '-P1D', anchor: 'published'}]
    })
  })
})

it('skips excluded ranges', () => {
  const text = 'Photo taken March 3, 2021. The plant opened on April 2.'
  const file = run(text, '2024-04-26', {excluded: [{start: 0, end: 26, reason: 'photo-credit'}]})
  expect(file.data.dates!.dates.map((d) => d.text)).toEqual(['April 2'])
})

describe('narrative and tense details', () => {
  it('anchors “two years later” on the last date of the narrative, whatever its precision', () => {
    const found = dates('In 2009, the company was founded. Two years later, it went public.')
    expect(found.map((d) => [d.id, d.text, d.value, d.anchor ?? null])).toEqual([
      ['t1', '2009', '2009', null],
      ['t2', 'Two years later', '2011', 't1']
    ])
  })

  it('reads a future auxiliary before the verb that follows it', () => {
    expect(values('The storm will arrive Tuesday night, forecasters warned.')[0]).toEqual(['Tuesday night', '2024-04-30TNI'])
  })

  it('takes “over” before “the past” as a preposition', () => {
    const [found] = dates('Prices doubled over the past two decades.')
    expect([found!.text, found!.value, found!.mod]).toEqual(['the past two decades', 'P20Y', undefined])
  })
})

it('gives coordinated dates the year written once for both', () => {
  expect(values('She served between March and June 2020, and again from May 3 to May 5, 2021.')).toEqual([
    ['March', '2020-03'],
    ['June 2020', '2020-06'],
    ['May 3', '2021-05-03'],
    ['May 5, 2021', '2021-05-05']
  ])
})

it('does not anchor “the day after” an event on the narrative', () => {
  expect(values('Stocks fell today. The index rebounded late in the day after falling 250 points.')).toEqual([
    ['today', '2024-04-26'],
    ['the day', '2024-04-26']
  ])
})

it('reads “is set to begin” as the future, not the infinitive as the present', () => {
  expect(values('The trial is set to begin on Wednesday in London.')).toEqual([['Wednesday', '2024-05-01']])
})

it('places “that Thursday” nearest the narrative’s day, and “four days after” from it', () => {
  const found = dates('The fire started Jan. 3. Firefighters contained it that Thursday; four days after, crews left.')
  expect(found.map((d) => [d.id, d.text, d.value, d.anchor])).toEqual([
    ['t1', 'Jan. 3', '2024-01-03', 'published'],
    ['t2', 'that Thursday', '2024-01-04', 't1'],
    ['t3', 'four days after', '2024-01-08', 't2']
  ])
})
