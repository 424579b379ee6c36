import path from 'node:path'
import type {ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import type {DocumentRecord, MentionType} from '@copydesk/document'
import {discard, stageText, type ExportedFile, type StagedFile} from './atomic.js'
import {
  entityOfMention,
  inside,
  isHttpUrl,
  isQid,
  safeFileName,
  wikidataUrl,
  wikipediaUrl
} from './util.js'
import {drive, type RecordWriter, type Records} from './writer.js'

/** Options of the HTML report. */
export interface HtmlOptions {
  /** Title of the report (default: `'copydesk report'`). */
  title?: string | null | undefined
  /** Language of the report's own words and, when a record has none, of its text (default: `'en'`). */
  language?: string | null | undefined
}

interface DocumentSummary {
  id: string
  file: string
  title: string
  published: string | null
  outlet: string | null
  mentions: number
  dates: number
  warnings: number
}

interface EntityEntry {
  id: string
  name: string
  type: MentionType
  wikipedia: string | undefined
  count: number
  variants: Set<string>
  roles: Set<string>
  documents: Map<string, number>
}

interface TimelineEntry {
  value: string
  type: string
  text: string
  document: string
}

interface WarningEntry {
  document: string
  severity: string
  ruleId: string
  source: string
  reason: string
}

/** Style sheet of the report (a file, so that the page can forbid inline code). */
export const reportStyle = `:root{--fg:#1b1b1b;--muted:#5c5c5c;--bg:#fff;--line:#d8d8d8;--person:#fde68a;--organization:#bfdbfe;--place:#bbf7d0;--other:#e9d5ff;--date:#fecaca;--focus:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
main,header>nav{max-width:60rem;margin:0 auto;padding:0 1rem}
header{border-bottom:1px solid var(--line);background:#f6f6f6}
header nav{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:.75rem 1rem}
a{color:#1d4ed8}
a:focus-visible,[tabindex]:focus-visible,button:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.25rem .5rem;z-index:2}
h1{font-size:1.6rem;line-height:1.25;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.075rem;line-height:1.7;border-left:3px solid var(--line);padding-left:1rem}
.m,.t{position:relative;border-radius:3px;padding:0 .1em;color:inherit;text-decoration:none;border-bottom:2px solid rgba(0,0,0,.35)}
.m.person{background:var(--person)}.m.organization{background:var(--organization)}.m.place{background:var(--place)}.m.other{background:var(--other)}
.t{background:var(--date)}
.m:hover::after,.m:focus::after,.t:hover::after,.t:focus::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:3;background:#111;color:#fff;font-size:.8rem;line-height:1.3;padding:.25rem .4rem;border-radius:4px;white-space:normal;width:max-content;max-width:16rem}
.excluded{color:#8a8a8a;background:#f1f1f1;text-decoration:line-through;text-decoration-color:#bbb}
.legend span{display:inline-block;margin-right:.5rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:.35rem .5rem}
td.n,th.n{text-align:right}
.timeline ol{list-style:none;padding:0}
.timeline li{padding:.2rem 0;border-bottom:1px dotted var(--line)}
.timeline h2 small{color:var(--muted);font-weight:normal}
@media (max-width:40rem){body{font-size:.95rem}h1{font-size:1.3rem}.meta{grid-template-columns:1fr}.meta dt{font-weight:bold}
table,tbody,tr,td{display:block}thead{position:absolute;left:-999rem}tr{border-bottom:1px solid var(--line);padding:.35rem 0}td,td.n{border:0;padding:.1rem 0;text-align:left}td:empty{display:none}td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}}
`

const contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'"

function page(
  title: string,
  depth: number,
  language: string,
  body: Array<ElementContent>
): string {
  const up = depth === 0 ? '' : '../'.repeat(depth)
  const tree: Root = h(null, [
    {type: 'doctype'},
    h('html', {lang: language}, [
      h('head', [
        h('meta', {charSet: 'utf-8'}),
        h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
        h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy}),
        h('meta', {name: 'referrer', content: 'no-referrer'}),
        h('title', title),
        h('link', {rel: 'stylesheet', href: up + 'style.css'})
      ]),
      h('body', [
        h('a.skip', {href: '#main'}, 'Skip to content'),
        h('header', [
          h('nav', {ariaLabel: 'Report'}, [
            h('a', {href: up + 'index.html'}, 'Documents'),
            h('a', {href: up + 'index.html#entities'}, 'Entities'),
            h('a', {href: up + 'timeline.html'}, 'Timeline'),
            h('a', {href: up + 'warnings.html'}, 'Warnings')
          ])
        ]),
        h('main#main', body)
      ])
    ])
  ])
  return toHtml(tree) + '\n'
}

function externalLink(url: string, text: string): ElementContent {
  return h('a', {href: url, rel: 'noopener noreferrer nofollow'}, text)
}

function table(
  headers: Array<string | [string, 'n']>,
  rows: Array<Array<ElementContent | string | number>>
): ElementContent {
  return h('div.scroll', [
    h('table', [
      h(
        'thead',
        h(
          'tr',
          headers.map((header) =>
            typeof header === 'string' ? h('th', {scope: 'col'}, header) : h('th.n', {scope: 'col'}, header[0])
          )
        )
      ),
      h(
        'tbody',
        rows.map((row) =>
          h(
            'tr',
            row.map((cell, index) => {
              const header = headers[index]
              const label = typeof header === 'string' ? header : header ? header[0] : ''
              return typeof cell === 'number'
                ? h('td.n', {dataLabel: label}, String(cell))
                : h('td', {dataLabel: label}, cell)
            })
          )
        )
      )
    ])
  ])
}

/** Pieces of `text` between `start` and `end`, with excluded ranges greyed. */
function pieces(record: DocumentRecord, start: number, end: number): Array<ElementContent> {
  const result: Array<ElementContent> = []
  let at = start
  for (const range of record.excluded) {
    if (range.end <= at || range.start >= end) continue
    const from = Math.max(range.start, at)
    const to = Math.min(range.end, end)
    if (from > at) result.push({type: 'text', value: record.text.slice(at, from)})
    result.push(
      h('span.excluded', {title: 'Excluded: ' + range.reason}, record.text.slice(from, to))
    )
    at = to
  }

  if (at < end) result.push({type: 'text', value: record.text.slice(at, end)})
  return result
}

interface Span {
  start: number
  end: number
  render: (children: Array<ElementContent>) => ElementContent
}

function renderText(record: DocumentRecord, entityFiles: Map<string, string>): Array<ElementContent> {
  const entityOf = entityOfMention(record)
  const spans: Array<Span> = []
  for (const mention of record.mentions) {
    const entity = entityOf.get(mention.id)
    const linked = mention.entity
    const tip = [
      mention.name,
      linked ? `entity ${linked.label} (${linked.id})` : entity ? `entity ${entity.id}` : 'not linked',
      mention.type,
      ...(mention.role ? [mention.role] : [])
    ].join(' · ')
    const file = entity ? entityFiles.get(entity.id) : undefined
    spans.push({
      start: mention.start,
      end: mention.end,
      render: (children) =>
        file
          ? h('a.m.' + mention.type, {href: '../entity/' + file, title: tip, dataTip: tip}, children)
          : h('mark.m.' + mention.type, {tabIndex: 0, title: tip, dataTip: tip}, children)
    })
  }

  for (const date of record.dates) {
    const tip = `${date.type} ${date.value}${date.mod ? ' ' + date.mod : ''}${date.symbolic ? ` (from ${date.symbolic})` : ''}`
    spans.push({
      start: date.start,
      end: date.end,
      render: (children) => h('mark.t', {tabIndex: 0, title: tip, dataTip: tip}, children)
    })
  }

  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const result: Array<ElementContent> = []
  let at = 0
  for (const span of spans) {
    // Overlapping annotations: the earlier (or longer) one wins; the others
    // stay in the tables below the text.
    if (span.start < at || span.end <= span.start) continue
    result.push(...pieces(record, at, span.start))
    result.push(span.render(pieces(record, span.start, span.end)))
    at = span.end
  }

  result.push(...pieces(record, at, record.text.length))
  return result
}

/**
 * Writer of the static HTML report in `directory`: `index.html` (documents
 * and entities), `timeline.html`, `warnings.html`, one page per document in
 * `doc/` and per entity in `entity/`, and `style.css`.
 * Document pages are written as records arrive; the indexes keep small
 * summaries only.
 */
export function createHtmlWriter(
  directory: string,
  options?: Readonly<HtmlOptions> | null | undefined
): RecordWriter {
  const root = path.resolve(directory)
  const reportTitle = options?.title ?? 'copydesk report'
  const language = options?.language ?? 'en'
  const documents: Array<DocumentSummary> = []
  const seen = new Set<string>()
  const entities = new Map<string, EntityEntry>()
  const entityFiles = new Map<string, string>()
  const timeline: Array<TimelineEntry> = []
  const warnings: Array<WarningEntry> = []
  const staged: Array<StagedFile> = []
  // Page writes in flight: rendering the next page overlaps the disk.
  let pending: Array<Promise<void>> = []

  async function settle() {
    const waiting = pending
    pending = []
    const results = await Promise.allSettled(waiting)
    for (const result of results) if (result.status === 'rejected') throw result.reason
  }

  async function put(name: string, content: string) {
    const file = inside(path.join(root, path.dirname(name)), path.basename(name))
    pending.push(
      stageText(file, 'html', content).then((done) => {
        staged.push(done)
      })
    )
    if (pending.length >= 16) await settle()
  }

  function entityFile(id: string) {
    let file = entityFiles.get(id)
    if (!file) {
      file = safeFileName(id, '.html')
      entityFiles.set(id, file)
    }

    return file
  }

  return {
    async write(record: DocumentRecord) {
      if (seen.has(record.id)) return
      seen.add(record.id)
      const file = safeFileName(record.id, '.html')
      const title = record.title || record.id
      let warningCount = 0
      for (const message of record.messages) {
        if (message.severity === 'info') continue
        warningCount++
        warnings.push({
          document: record.id,
          severity: message.severity,
          ruleId: message.ruleId,
          source: message.source,
          reason: message.reason
        })
      }

      documents.push({
        id: record.id,
        file,
        title,
        published: record.published,
        outlet: record.outlet,
        mentions: record.mentions.length,
        dates: record.dates.length,
        warnings: warningCount
      })

      for (const entity of record.entities) {
        entityFile(entity.id)
        let entry = entities.get(entity.id)
        if (!entry) {
          entry = {
            id: entity.id,
            name: entity.name,
            type: entity.type,
            wikipedia: entity.wikipedia,
            count: 0,
            variants: new Set(),
            roles: new Set(),
            documents: new Map()
          }
          entities.set(entity.id, entry)
        }

        entry.count += entity.count
        if (!entry.wikipedia && entity.wikipedia) entry.wikipedia = entity.wikipedia
        for (const variant of entity.variants) entry.variants.add(variant)
        for (const role of entity.roles) entry.roles.add(role)
        entry.documents.set(record.id, (entry.documents.get(record.id) ?? 0) + entity.count)
      }

      for (const date of record.dates) {
        if (/^\d{4}(?:-|$)/.test(date.value)) {
          timeline.push({value: date.value, type: date.type, text: date.text, document: record.id})
        }
      }

      const meta: Array<ElementContent> = []
      const add = (term: string, value: ElementContent | string) => {
        meta.push(h('dt', term), h('dd', value))
      }

      add('Id', record.id)
      if (record.published) add('Published', record.published)
      if (record.outlet) add('Outlet', record.outlet)
      if (record.authors && record.authors.length > 0) add('By', record.authors.join(', '))
      if (record.url) {
        add('URL', isHttpUrl(record.url) ? externalLink(record.url, record.url) : record.url)
      }

      const entityOf = entityOfMention(record)
      const body: Array<ElementContent> = [
        h('h1', title),
        h('dl.meta', meta),
        h('p.legend', [
          h('span', [h('span.m.person', 'person')]),
          h('span', [h('span.m.organization', 'organization')]),
          h('span', [h('span.m.place', 'place')]),
          h('span', [h('span.m.other', 'other')]),
          h('span', [h('span.t', 'date')]),
          h('span', [h('span.excluded', 'excluded boilerplate')])
        ]),
        h('article.text', {lang: record.language || language}, renderText(record, entityFiles)),
        h('section', [
          h('h2', 'Mentions'),
          table(
            ['Text', 'Canonical name', 'Type', 'Role', 'Entity'],
            record.mentions.map((mention) => {
              const entity = entityOf.get(mention.id)
              return [
                mention.text,
                mention.name,
                mention.type,
                mention.role ?? '',
                entity
                  ? h('a', {href: '../entity/' + entityFile(entity.id)}, entity.id)
                  : ''
              ]
            })
          )
        ]),
        h('section', [
          h('h2', 'Dates'),
          table(
            ['Text', 'Type', 'Value', 'Anchor'],
            record.dates.map((date) => [date.text, date.type, date.value, date.anchor ?? ''])
          )
        ]),
        h('section', [
          h('h2', 'Messages'),
          record.messages.length === 0
            ? h('p', 'None.')
            : h(
                'ul',
                record.messages.map((message) =>
                  h('li', [h('strong', message.severity), ` ${message.ruleId} (${message.source}): ${message.reason}`])
                )
              )
        ])
      ]
      await put('doc/' + file, page(title + ' · ' + reportTitle, 1, language, body))
    },

    async finish(): Promise<Array<StagedFile>> {
      const byId = new Map(documents.map((document) => [document.id, document]))
      const documentLink = (id: string, prefix: string) => {
        const document = byId.get(id)
        return document ? h('a', {href: prefix + 'doc/' + document.file}, document.title) : h('span', id)
      }

      const sortedEntities = [...entities.values()].sort(
        (a, b) => b.count - a.count || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)
      )

      // Entity pages.
      for (const entity of sortedEntities) {
        const links: Array<ElementContent> = []
        if (isQid(entity.id)) links.push(h('li', externalLink(wikidataUrl(entity.id), 'Wikidata ' + entity.id)))
        if (entity.wikipedia) links.push(h('li', externalLink(wikipediaUrl(entity.wikipedia), 'Wikipedia: ' + entity.wikipedia)))
        const docs = [...entity.documents].sort((a, b) => {
          const pa = byId.get(a[0])?.published ?? ''
          const pb = byId.get(b[0])?.published ?? ''
          return pa < pb ? 1 : pa > pb ? -1 : 0
        })
        await put(
          'entity/' + entityFile(entity.id),
          page(entity.name + ' · ' + reportTitle, 1, language, [
            h('h1', entity.name),
            h('dl.meta', [
              h('dt', 'Id'),
              h('dd', entity.id),
              h('dt', 'Type'),
              h('dd', entity.type),
              h('dt', 'Mentions'),
              h('dd', String(entity.count)),
              h('dt', 'Variants'),
              h('dd', [...entity.variants].join(', ')),
              h('dt', 'Roles'),
              h('dd', [...entity.roles].join(', ') || '—')
            ]),
            links.length > 0 ? h('ul', links) : h('p', 'Not linked to Wikidata.'),
            h('h2', 'Documents'),
            table(
              ['Document', 'Published', ['Mentions', 'n']],
              docs.map(([id, count]) => [documentLink(id, '../'), byId.get(id)?.published ?? '', count])
            )
          ])
        )
      }

      // Index.
      await put(
        'index.html',
        page(reportTitle, 0, language, [
          h('h1', reportTitle),
          h('p', `${documents.length} documents, ${entities.size} entities, ${timeline.length} normalized dates, ${warnings.length} warnings.`),
          h('section', {ariaLabelledBy: 'documents'}, [
            h('h2#documents', 'Documents'),
            table(
              ['Title', 'Published', 'Outlet', ['Mentions', 'n'], ['Dates', 'n'], ['Warnings', 'n']],
              documents.map((document) => [
                h('a', {href: 'doc/' + document.file}, document.title),
                document.published ?? '',
                document.outlet ?? '',
                document.mentions,
                document.dates,
                document.warnings
              ])
            )
          ]),
          h('section', {ariaLabelledBy: 'entities'}, [
            h('h2#entities', 'Entities'),
            table(
              ['Name', 'Type', ['Documents', 'n'], ['Mentions', 'n'], 'Variants', 'Roles', 'Wikidata'],
              sortedEntities.map((entity) => [
                h('a', {href: 'entity/' + entityFile(entity.id)}, entity.name),
                entity.type,
                entity.documents.size,
                entity.count,
                [...entity.variants].join(', '),
                [...entity.roles].join(', '),
                isQid(entity.id) ? externalLink(wikidataUrl(entity.id), entity.id) : ''
              ])
            )
          ])
        ])
      )

      // Timeline.
      timeline.sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
      const groups = new Map<string, Array<TimelineEntry>>()
      for (const entry of timeline) {
        const key = entry.value.slice(0, 7)
        let group = groups.get(key)
        if (!group) {
          group = []
          groups.set(key, group)
        }

        group.push(entry)
      }

      await put(
        'timeline.html',
        page('Timeline · ' + reportTitle, 0, language, [
          h('h1', 'Timeline'),
          h('p', 'Normalized dates (TIMEX3 values) across the corpus, earliest first.'),
          h(
            'div.timeline',
            [...groups].flatMap(([key, entries]) => [
              h('h2', [key + ' ', h('small', `(${entries.length})`)]),
              h(
                'ol',
                entries.map((entry) =>
                  h('li', [h('code', entry.value), ` ${entry.type} “${entry.text}” — `, documentLink(entry.document, '')])
                )
              )
            ])
          )
        ])
      )

      // Warnings.
      await put(
        'warnings.html',
        page('Warnings · ' + reportTitle, 0, language, [
          h('h1', 'Warnings'),
          h('p', 'Weekday mismatches, name variants, date conflicts and other problems the stages reported.'),
          table(
            ['Document', 'Severity', 'Rule', 'Source', 'Reason'],
            warnings.map((warning) => [
              documentLink(warning.document, ''),
              warning.severity,
              warning.ruleId,
              warning.source,
              warning.reason
            ])
          )
        ])
      )

      await put('style.css', reportStyle)
      await settle()
      // Pages finish in any order: list them by path.
      return staged.splice(0).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    },

    async abort() {
      await Promise.allSettled(pending)
      pending = []
      await discard(staged.splice(0))
    }
  }
}

/** Write the HTML report of `records` into `directory`. */
export async function writeHtmlReport(
  directory: string,
  records: Records,
  options?: Readonly<HtmlOptions> | null | undefined
): Promise<Array<ExportedFile>> {
  return drive([createHtmlWriter(directory, options)], records)
}
