import {
  summarizeEntities,
  validateRecord,
  type DocumentRecord,
  type EntityRef,
  type Mention,
  type MentionType,
  type RecordMessage,
  type Severity,
  type TimexType
} from '@copydesk/document'

interface Spec {
  id: string
  title: string | null
  url?: string | null
  outlet?: string | null
  published: string | null
  text: string
  authors?: Array<string>
  language?: string
  mentions?: Array<{
    text: string
    nth?: number
    type: MentionType
    name: string
    role?: string
    entity?: EntityRef | null
  }>
  dates?: Array<{text: string; nth?: number; type: TimexType; value: string; symbolic?: string; anchor?: string}>
  excluded?: Array<{text: string; reason: string}>
  messages?: Array<{ruleId: string; source: string; reason: string; severity: Severity; text?: string}>
}

/** Offset of the `nth` (0-based) occurrence of `needle` in `text`. */
export function find(text: string, needle: string, nth = 0): number {
  let at = -1
  for (let index = 0; index <= nth; index++) {
    at = text.indexOf(needle, at + 1)
    if (at === -1) throw new Error(`Fixture: cannot find ${JSON.stringify(needle)} #${nth}`)
  }

  return at
}

/** Build a valid document record from a readable spec. */
export function article(spec: Spec): DocumentRecord {
  const mentions: Array<Mention> = (spec.mentions ?? []).map((m, index) => {
    const start = find(spec.text, m.text, m.nth)
    const mention: Mention = {
      id: 'm' + (index + 1),
      start,
      end: start + m.text.length,
      text: m.text,
      type: m.type,
      name: m.name,
      entity: m.entity ?? null
    }
    if (m.role) mention.role = m.role
    return mention
  })
  const record: DocumentRecord = {
    id: spec.id,
    title: spec.title,
    url: spec.url ?? null,
    outlet: spec.outlet ?? null,
    published: spec.published,
    text: spec.text,
    excluded: (spec.excluded ?? []).map((x) => {
      const start = find(spec.text, x.text)
      return {start, end: start + x.text.length, reason: x.reason}
    }),
    mentions,
    dates: (spec.dates ?? []).map((d, index) => {
      const start = find(spec.text, d.text, d.nth)
      return {
        id: 't' + (index + 1),
        start,
        end: start + d.text.length,
        text: d.text,
        type: d.type,
        value: d.value,
        ...(d.symbolic ? {symbolic: d.symbolic} : {}),
        ...(d.anchor ? {anchor: d.anchor} : {})
      }
    }),
    entities: summarizeEntities(mentions, spec.title),
    messages: (spec.messages ?? []).map((m) => {
      const message: RecordMessage = {ruleId: m.ruleId, source: m.source, reason: m.reason, severity: m.severity}
      if (m.text) {
        message.start = find(spec.text, m.text)
        message.end = message.start + m.text.length
      }

      return message
    }),
    authors: spec.authors ?? [],
    language: spec.language ?? 'en',
    kb: 'starter-2026-11'
  }
  const problems = validateRecord(record)
  if (problems.length > 0) throw new Error('Invalid fixture ' + spec.id + ': ' + problems.join('; '))
  return record
}

export const harris: EntityRef = {id: 'Q10853588', label: 'Kamala Harris', wikipedia: 'Kamala Harris', confidence: 0.97}
export const kardashian: EntityRef = {id: 'Q186304', label: 'Kim Kardashian', wikipedia: 'Kim Kardashian', confidence: 0.93}
export const whiteHouse: EntityRef = {id: 'Q35525', label: 'White House', wikipedia: 'White House', confidence: 0.9}
export const atlanta: EntityRef = {id: 'Q23556', label: 'Atlanta', wikipedia: 'Atlanta', confidence: 0.88}
export const holcy: EntityRef = {id: 'nil:beverly-holcy-3f2a1c', label: 'Beverly Holcy', confidence: 0.5}

/** A White House visit, with a weekday, an absolute date, a photo credit and a warning. */
export const visit = article({
  id: 'wire-2024-04-26-clemency',
  title: 'Kardashian and Harris talk clemency at the White House',
  url: 'https://news.example.org/2024/04/26/clemency-talks?ref=rss&x=1',
  outlet: 'Example Wire',
  published: '2024-04-26',
  authors: ['Dana Whitfield'],
  text:
    'Vice President Kamala Harris hosted reality star Kim Kardashian at the White House on Thursday for a round table on clemency.\n' +
    'Harris said the talks, held on April 25, 2024, were "a start".\n' +
    'Photo: J. Roe / Example Wire',
  mentions: [
    {text: 'Kamala Harris', type: 'person', name: 'Kamala Harris', role: 'Vice President', entity: harris},
    {text: 'Kim Kardashian', type: 'person', name: 'Kim Kardashian', entity: kardashian},
    {text: 'White House', type: 'place', name: 'White House', entity: whiteHouse},
    {text: 'Harris', nth: 1, type: 'person', name: 'Kamala Harris', entity: harris}
  ],
  dates: [
    {text: 'Thursday', type: 'DATE', value: '2024-04-25', symbolic: 'XXXX-WXX-4', anchor: 'published'},
    {text: 'April 25, 2024', type: 'DATE', value: '2024-04-25'}
  ],
  excluded: [{text: 'Photo: J. Roe / Example Wire', reason: 'photo-credit'}],
  messages: [
    {
      ruleId: 'name-variant',
      source: 'retext-normalize-names',
      reason: 'Harris is a short form of Kamala Harris',
      severity: 'info',
      text: 'Harris said'
    },
    {
      ruleId: 'weekday-mismatch',
      source: 'retext-normalize-dates',
      reason: 'Thursday does not match 2024-04-26 (Friday)',
      severity: 'warning',
      text: 'Thursday'
    }
  ]
})

/** A later trip, with astral characters before the mentions (code points ≠ UTF-16 units) and a NIL entity. */
export const trip = article({
  id: 'metro/2024-04-29 atlanta',
  title: 'Harris in Atlanta 🇺🇸',
  url: 'https://metro.example.com/atlanta',
  outlet: 'Metro Daily',
  published: '2024-04-29T18:30:00Z',
  text: '🇺🇸 Harris toured Atlanta 😀 on Monday; Beverly Holcy, a local organizer, greeted her.',
  mentions: [
    {text: 'Harris', type: 'person', name: 'Kamala Harris', entity: harris},
    {text: 'Atlanta', type: 'place', name: 'Atlanta', entity: atlanta},
    {text: 'Beverly Holcy', type: 'person', name: 'Beverly Holcy', role: 'local organizer', entity: holcy}
  ],
  dates: [{text: 'Monday', type: 'DATE', value: '2024-04-29', symbolic: 'XXXX-WXX-1', anchor: 'published'}]
})

/** An older article without Harris, an unlinked organization, a month date and a title a spreadsheet would run. */
export const budget = article({
  id: 'desk-0003',
  title: '=HYPERLINK("http://evil.example/","Budget deal")',
  url: null,
  outlet: '@Capitol Desk',
  published: '2023-03-10',
  text: 'Senate leaders agreed in March 2023 on a budget; the deal covers -5% in spending, staff said.',
  mentions: [{text: 'Senate', type: 'organization', name: 'Senate'}],
  dates: [{text: 'March 2023', type: 'DATE', value: '2023-03'}],
  messages: [
    {ruleId: 'date-conflict', source: 'retext-normalize-dates', reason: '+ two readings of "March 2023"', severity: 'warning'}
  ]
})

/** Everything hostile in one record: markup, script URLs, attribute breakers, a path-like id. */
export const hostile = article({
  id: '../../etc/passwd',
  title: '<script>alert("title")</script>"><img src=x onerror=alert(1)>',
  url: 'javascript:alert(document.cookie)',
  outlet: '" onmouseover="alert(2)',
  published: '2024-04-02',
  text: 'Mallory <script>alert(3)</script> said \'" onfocus="alert(4)" at <a href="javascript:alert(5)">link</a> on April 2.',
  authors: ['<b>Eve</b>'],
  mentions: [
    {
      text: 'Mallory <script>',
      type: 'person',
      name: '"><svg onload=alert(6)>',
      entity: {id: 'nil:"><script>alert(7)</script>', label: '<i>Mallory</i>', wikipedia: 'javascript:alert(8)', confidence: 0.4}
    }
  ],
  dates: [{text: 'April 2', type: 'DATE', value: '2024-04-02'}],
  messages: [{ruleId: '<script>', source: 'x" onclick="alert(9)', reason: '<img src=x onerror=alert(10)>', severity: 'error'}]
})

export const corpus: Array<DocumentRecord> = [visit, trip, budget]
