/**
 * The parsing libraries of the formats, loaded when a format first needs
 * them: a corpus of plain text, or a run served from the cache, never pays
 * for an HTML DOM, a Markdown, XML or WARC parser (together about 250 ms of
 * start-up, in every worker thread too).
 */
export interface Libraries {
  html?: typeof import('./html.js')
  markdown?: {
    unified: typeof import('unified')['unified']
    remarkParse: typeof import('remark-parse')['default']
    remarkFrontmatter: typeof import('remark-frontmatter')['default']
    toString: typeof import('mdast-util-to-string')['toString']
  }
  xml?: typeof import('fast-xml-parser')
  warc?: typeof import('warcio')
  yaml?: typeof import('yaml')
}

/** What is loaded so far. */
export const libraries: Libraries = {}

/** Load the libraries of these kinds, if not loaded yet. */
export async function need(...kinds: Array<keyof Libraries>): Promise<void> {
  for (const kind of kinds) {
    if (libraries[kind]) continue
    switch (kind) {
      case 'html':
        libraries.html = await import('./html.js')
        break
      case 'markdown': {
        const [{unified}, {default: remarkParse}, {default: remarkFrontmatter}, {toString}] = await Promise.all([
          import('unified'),
          import('remark-parse'),
          import('remark-frontmatter'),
          import('mdast-util-to-string')
        ])
        libraries.markdown = {unified, remarkParse, remarkFrontmatter, toString}
        break
      }
      case 'xml':
        libraries.xml = await import('fast-xml-parser')
        break
      case 'warc':
        libraries.warc = await import('warcio')
        break
      case 'yaml':
        libraries.yaml = await import('yaml')
        break
    }
  }
}

/** A library that `need` must have loaded: a missing one is a bug of this package. */
export function loaded<Kind extends keyof Libraries>(kind: Kind): NonNullable<Libraries[Kind]> {
  const library = libraries[kind]
  if (!library) throw new Error(`Internal error: the ${kind} parser was not loaded`)
  return library as NonNullable<Libraries[Kind]>
}
