import {Readability} from '@mozilla/readability'
import {parseHTML} from 'linkedom'
import {parse as parse5, serialize} from 'parse5'
import type {DateCandidate} from './dates.js'
import {dateFromUrl, normalizeDate} from './dates.js'

/** What HTML extraction found. */
export interface HtmlResult {
  text: string
  /** Ranges of `text` that are figure captions. */
  captions: Array<{start: number; end: number}>
  title: string | null
  titleCandidates: Array<string>
  authors: Array<string>
  dates: Array<DateCandidate>
  url: string | null
  outlet: string | null
  language: string | null
  /** Problems worth a message (such as a JSON-LD block that is not JSON). */
  warnings: Array<{ruleId: string; reason: string}>
}

// Minimal structural view of the DOM that linkedom returns.
type Doc = ReturnType<typeof parseHTML>['document']
type El = ReturnType<Doc['createElement']>

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br'
])
const skipTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'button', 'iframe', 'object', 'canvas', 'select', 'input', 'textarea', 'head'])
const clutterTags = new Set(['nav', 'aside', 'footer', 'form', 'header'])
const articleTypes = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|LiveBlogPosting|Report|TechArticle|ScholarlyArticle|SocialMediaPosting)$/

/** Text of a DOM subtree, and the ranges of it that are figure captions. */
export interface DomText {
  text: string
  captions: Array<{start: number; end: number}>
}

/** Text of a DOM subtree as paragraphs separated by blank lines, whitespace collapsed. */
export function domToText(root: El, dropClutter = false): DomText {
  const blocks: Array<string> = []
  const captions: Array<{start: number; end: number}> = []
  let length = 0
  let current = ''
  let inCaption = 0
  const flush = () => {
    const value = current.replace(/\s+/g, ' ').trim()
    current = ''
    if (!value) return
    const start = blocks.length === 0 ? 0 : length + 2
    blocks.push(value)
    length = start + value.length
    if (inCaption > 0) captions.push({start, end: length})
  }
  const walk = (node: El) => {
    for (let child = node.firstChild as El | null; child; child = child.nextSibling as El | null) {
      if (child.nodeType === 3) {
        current += child.textContent ?? ''
      } else if (child.nodeType === 1) {
        const tag = child.localName
        if (skipTags.has(tag)) continue
        if (child.getAttribute('hidden') !== null || child.getAttribute('aria-hidden') === 'true') continue
        if (dropClutter && (clutterTags.has(tag) || isClutter(child))) continue
        if (blockTags.has(tag)) {
          flush()
          if (tag === 'figcaption') inCaption++
          walk(child)
          flush()
          if (tag === 'figcaption') inCaption--
        } else {
          walk(child)
        }
      }
    }
  }
  walk(root)
  flush()
  return {text: blocks.join('\n\n'), captions}
}

function isClutter(element: El): boolean {
  const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''} ${element.getAttribute('role') ?? ''}`.toLowerCase()
  return /\b(?:nav|navigation|menu|sidebar|footer|comments?|share|social|related|newsletter|promo|advert|ad-slot|banner|cookie|subscribe|breadcrumbs?)\b/.test(label)
}

function textOf(element: El | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

type Metas = Map<string, string>

// One pass over the `<meta>` elements: `property`, `name` and `itemprop` keys, first value wins.
function metas(document: Doc): Metas {
  const map: Metas = new Map()
  for (const element of document.querySelectorAll('meta')) {
    const content = element.getAttribute('content')?.trim()
    if (!content) continue
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase()
      if (key && !map.has(key)) map.set(key, content)
    }
  }
  return map
}

function meta(map: Metas, ...names: Array<string>): string | null {
  for (const name of names) {
    const value = map.get(name.toLowerCase())
    if (value) return value
  }
  return null
}

type Json = string | number | boolean | null | Json[] | {[key: string]: Json}

function jsonLd(document: Doc, warnings: HtmlResult['warnings']): Array<{[key: string]: Json}> {
  const found: Array<{[key: string]: Json}> = []
  const visit = (value: Json) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
    } else if (value && typeof value === 'object') {
      const type = value['@type']
      const types = Array.isArray(type) ? type : [type]
      if (types.some((t) => typeof t === 'string' && articleTypes.test(t))) found.push(value)
      if (value['@graph']) visit(value['@graph'])
    }
  }
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    const source = (script.textContent ?? '').trim()
    if (!source) continue
    try {
      visit(JSON.parse(source) as Json)
    } catch {
      warnings.push({ruleId: 'malformed-json-ld', reason: 'Cannot parse a JSON-LD block; ignored it'})
    }
  }
  return found
}

function names(value: Json | undefined): Array<string> {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap((item) => names(item))
  if (typeof value === 'object') {
    const type = value['@type']
    if (type === 'Organization' || type === 'NewsMediaOrganization') return []
    return typeof value.name === 'string' ? [value.name] : []
  }
  return []
}

function jsonString(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return jsonString(value[0])
  if (value && typeof value === 'object') {
    return jsonString(value['@id']) ?? jsonString(value.url) ?? jsonString(value.name)
  }
  return null
}

function publisherName(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (Array.isArray(value)) return publisherName(value[0])
  if (value && typeof value === 'object' && typeof value.name === 'string') return value.name.trim() || null
  return null
}

/** Split a `<title>` like "Headline | Outlet" and keep the headline. */
function cleanDocumentTitle(title: string, outlet: string | null): string {
  const parts = title.split(/\s+[|–—·•:]\s+|\s+-\s+/)
  if (parts.length < 2) return title
  const withoutOutlet = parts.filter((part) => !outlet || part.toLowerCase() !== outlet.toLowerCase())
  const candidates = withoutOutlet.length > 0 ? withoutOutlet : parts
  return candidates.reduce((a, b) => (b.length > a.length ? b : a))
}

function normTitle(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * Extract an article from an HTML page: metadata from JSON-LD, meta tags,
 * Open Graph, `<title>`, `<h1>`, `<time>` and bylines, and the main text
 * (Readability on a linkedom DOM, with a DOM walk as fallback).
 */
export function extractHtml(html: string, options: {url?: string | null; fragment?: boolean} = {}): HtmlResult {
  const warnings: HtmlResult['warnings'] = []
  // linkedom does not build the tree the way browsers do (implied `<body>`,
  // misnested tags): parse5, a spec-compliant parser, repairs the markup first.
  // Pages with a complete lower-case <html>…<body>…</body> skeleton go straight
  // to linkedom (which keeps upper-case tag and attribute names as written).
  const complete =
    !options.fragment &&
    /<html[\s>]/.test(html) &&
    /<body[\s>]/.test(html) &&
    /<\/body\s*>/.test(html) &&
    !/<\/?[A-Z][A-Za-z\d]*[\s/>]|<[a-z][^<>]*\s[A-Z][\w-]*=/.test(html)
  const source = complete ? html : '<!doctype html>' + serialize(parse5(options.fragment ? `<body>${html}</body>` : html))
  const {document} = parseHTML(source)
  const ld = options.fragment ? [] : jsonLd(document, warnings)
  const metaMap = metas(document)
  const article = ld[0]

  const dates: Array<DateCandidate> = []
  const addDate = (value: unknown, from: string) => {
    const normalized = normalizeDate(value)
    if (normalized) dates.push({value: normalized, source: from})
  }
  for (const item of ld) addDate(item.datePublished ?? item.dateCreated, 'json-ld')
  addDate(
    meta(metaMap, 'article:published_time', 'og:article:published_time', 'datePublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'DC.date.issued', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'citation_publication_date'),
    'meta'
  )
  const time =
    document.querySelector('time[itemprop="datePublished"]') ??
    document.querySelector('[itemprop="datePublished"]') ??
    document.querySelector('article time[datetime]') ??
    document.querySelector('time[pubdate]') ??
    document.querySelector('time[datetime]')
  if (time) addDate(time.getAttribute('datetime') ?? time.getAttribute('content') ?? textOf(time), 'time')

  const outlet =
    meta(metaMap, 'og:site_name', 'application-name', 'publisher') ??
    (article ? publisherName(article.publisher) : null)

  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta(metaMap, 'og:url') ??
    (article ? jsonString(article.url) ?? jsonString(article.mainEntityOfPage) : null) ??
    options.url ??
    null
  const urlDate = dateFromUrl(url) ?? dateFromUrl(options.url)
  if (urlDate) dates.push({value: urlDate, source: 'url'})

  // Title.
  const titleCandidates: Array<string> = []
  const h1 = textOf(document.querySelector('article h1') ?? document.querySelector('h1'))
  const ldTitle = article ? jsonString(article.headline) ?? jsonString(article.name) : null
  const ogTitle = meta(metaMap, 'og:title', 'twitter:title', 'headline', 'title')
  const docTitle = textOf(document.querySelector('title'))
  let title: string | null = null
  if (ldTitle) titleCandidates.push(ldTitle)
  if (h1) titleCandidates.push(h1)
  if (ogTitle) titleCandidates.push(ogTitle)
  if (docTitle) titleCandidates.push(docTitle)
  const outletName = outlet
  if (ldTitle) title = ldTitle
  else if (h1 && (!docTitle || normTitle(docTitle).includes(normTitle(h1)) || (ogTitle && normTitle(ogTitle).includes(normTitle(h1))))) title = h1
  else if (ogTitle) title = cleanDocumentTitle(ogTitle, outletName)
  else if (h1) title = h1
  else if (docTitle) title = cleanDocumentTitle(docTitle, outletName)

  // Authors.
  const authorValues: Array<string> = []
  if (article) authorValues.push(...names(article.author as Json))
  if (authorValues.length === 0) {
    const metaAuthor = meta(metaMap, 'author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'byl')
    if (metaAuthor && !/^https?:/.test(metaAuthor)) authorValues.push(metaAuthor)
  }
  if (authorValues.length === 0) {
    const elements = document.querySelectorAll('[itemprop="author"] [itemprop="name"], [rel="author"], [itemprop="author"], .byline__name, .author-name, .byline, .author, [class*="byline"]')
    for (const element of elements) {
      const value = textOf(element)
      if (value && value.length < 120) {
        authorValues.push(value)
        if (!/,|\band\b|&/.test(value)) break
      }
    }
  }

  const language =
    document.documentElement?.getAttribute('lang')?.trim() ||
    meta(metaMap, 'content-language', 'language', 'og:locale')?.replace('_', '-') ||
    (article && typeof article.inLanguage === 'string' ? article.inLanguage : null) ||
    null

  // Main text.
  let text = ''
  let captions: DomText['captions'] = []
  if (!options.fragment) {
    try {
      // Metadata has been read: Readability may now change this document.
      const reader = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], {charThreshold: 200, keepClasses: false})
      const result = reader.parse()
      if (result?.content) {
        const {document: out} = parseHTML(`<!doctype html><html><body>${result.content}</body></html>`)
        ;({text, captions} = domToText(out.body as El))
      }
    } catch {
      text = ''
    }
  }
  if (text.length < 100) {
    const {document} = parseHTML(source)
    const root =
      document.querySelector('[itemprop="articleBody"]') ??
      document.querySelector('article') ??
      document.querySelector('main') ??
      document.body
    const fallback = root ? domToText(root as El, !options.fragment) : {text: '', captions: []}
    if (fallback.text.length > text.length) ({text, captions} = fallback)
  }
  // Drop a leading headline that repeats the title (the title is kept apart).
  if (title) {
    const first = text.split('\n\n', 1)[0]
    if (normTitle(first) === normTitle(title)) {
      const rest = text.slice(first.length).replace(/^\n+/, '')
      const shift = text.length - rest.length
      text = rest
      captions = captions.filter((range) => range.start >= shift).map((range) => ({start: range.start - shift, end: range.end - shift}))
    }
  }

  return {
    text,
    captions,
    title: title ? title.replace(/\s+/g, ' ').trim() : null,
    titleCandidates,
    authors: authorValues,
    dates,
    url,
    outlet,
    language: language ? language.split(/[-_]/)[0].toLowerCase() : null,
    warnings
  }
}
