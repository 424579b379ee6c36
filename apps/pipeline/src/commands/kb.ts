import {existsSync} from 'node:fs'
import {
  SqliteKnowledgeBase,
  importWikidataDump,
  loadStarterKb,
  type ImportProgress,
  type KnowledgeBase
} from '@copydesk/kb'
import {SingleBar, Presets} from 'cli-progress'
import type {Command} from 'commander'

/** Open the KB at `file` (a SQLite KB written by `kb import`), or the embedded starter KB. */
export function openKb(file?: string | undefined): KnowledgeBase {
  if (!file) return loadStarterKb()
  if (!existsSync(file)) throw new Error(`No KB at ${file}: build one with \`copydesk kb import <dump> --out ${file}\``)
  return new SqliteKnowledgeBase(file)
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(1)
}

/** Progress reporting: a bar on a terminal, a plain line every 5 s otherwise. */
function progressReporter(): {update: (p: ImportProgress) => void; stop: () => void} {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      {
        format: 'kb import |{bar}| {percentage}% | {mb}/{totalMb} MB | {lines} lines | {kept} kept | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true
      },
      Presets.shades_classic
    )
    let started = false
    return {
      update(p) {
        const payload = {lines: p.lines, kept: p.kept, mb: megabytes(p.bytesRead), totalMb: megabytes(p.totalBytes)}
        if (!started) {
          bar.start(Math.max(1, p.totalBytes), p.bytesRead, payload)
          started = true
        } else bar.update(p.bytesRead, payload)
      },
      stop: () => bar.stop()
    }
  }
  let last = 0
  return {
    update(p) {
      const now = Date.now()
      if (!p.done && now - last < 5000) return
      last = now
      const share = p.totalBytes ? ` (${((100 * p.bytesRead) / p.totalBytes).toFixed(1)}%)` : ''
      process.stderr.write(`kb import: ${p.lines} lines, ${p.kept} kept, ${megabytes(p.bytesRead)} MB read${share}\n`)
    },
    stop() {}
  }
}

function describe(kb: KnowledgeBase, name: string): string {
  const candidates = kb.lookup(name, {limit: 10})
  const list = candidates.length ? candidates : kb.fuzzy(name, {limit: 10})
  if (!list.length) return `No entity named “${name}” in ${kb.snapshot}`
  return list
    .map(({entity: e, match, distance}) =>
      [
        `${e.id}\t${e.label}\t${e.type}\t${match}${distance ? ` (distance ${distance})` : ''}\tpopularity ${e.popularity}`,
        `\t${e.description || '(no description)'}${e.wikipedia ? `\n\thttps://en.wikipedia.org/wiki/${encodeURIComponent(e.wikipedia.replace(/ /g, '_'))}` : ''}`
      ].join('\n')
    )
    .join('\n')
}

/** Add `kb import`, `kb info` and `kb lookup` to the `copydesk` CLI. */
export function registerKbCommands(program: Command): Command {
  const kb = program.command('kb').description('knowledge base: import a Wikidata dump, inspect, look up names')

  kb.command('import')
    .description('build a SQLite KB from a Wikidata JSON dump (.json, .json.gz, .json.bz2) or NDJSON of entities')
    .argument('<dump>', 'dump file')
    .option('--out <file>', 'SQLite file to write', 'kb.sqlite')
    .option('--classes <qids>', 'keep only instances (P31) of these classes, comma-separated (Q5,Q43229,...)')
    .option('--enwiki-only', 'keep only entities with an English Wikipedia article', false)
    .option('--min-sitelinks <n>', 'keep only entities with at least this many sitelinks', '0')
    .option('--snapshot <name>', 'snapshot name to record (default: from the dump name, count and date)')
    .option('--threads <n>', 'worker threads that parse the dump while the main thread writes', '1')
    .action(async (dump: string, options: {out: string; classes?: string; enwikiOnly: boolean; minSitelinks: string; snapshot?: string; threads: string}) => {
      const progress = progressReporter()
      try {
        const result = await importWikidataDump(
          dump,
          options.out,
          {
            classes: options.classes ? options.classes.split(',').map((c) => c.trim()).filter(Boolean) : null,
            enwikiOnly: options.enwikiOnly,
            minSitelinks: Number(options.minSitelinks),
            snapshot: options.snapshot ?? null,
            threads: Number(options.threads)
          },
          progress.update
        )
        progress.stop()
        const rate = Math.round(result.lines / Math.max(result.seconds, 1e-3))
        console.log(
          `${options.out}: ${result.kept} entities from ${result.lines} lines (${result.invalid} invalid) in ${result.seconds.toFixed(1)} s, ${rate} lines/s; snapshot ${result.snapshot}`
        )
      } catch (error) {
        progress.stop()
        throw error
      }
    })

  kb.command('info')
    .description('show the snapshot name and size of a KB (default: the embedded starter KB)')
    .option('--kb <file>', 'SQLite KB file')
    .action((options: {kb?: string}) => {
      const base = openKb(options.kb)
      console.log(`snapshot\t${base.snapshot}\nentities\t${base.size}`)
      if (base instanceof SqliteKnowledgeBase) {
        for (const [key, value] of Object.entries(base.meta)) {
          if (key !== 'snapshot' && key !== 'count') console.log(`${key}\t${value}`)
        }
      }
      base.close()
    })

  kb.command('lookup')
    .description('look a name up (aliases, short forms, then misspellings)')
    .argument('<name>', 'name to look up, such as "Harris"')
    .option('--kb <file>', 'SQLite KB file')
    .action((name: string, options: {kb?: string}) => {
      const base = openKb(options.kb)
      console.log(describe(base, name))
      base.close()
    })

  return kb
}
