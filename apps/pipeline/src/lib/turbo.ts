import {spawn} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import {progressPrefix, type ProgressEvent} from './progress-events.js'
import {appDir, rootDir, workDir} from './paths.js'

/**
 * Turbo runs every task as `pnpm run <task>`, and pnpm's own start-up (about
 * 0.4 s) would be most of an incremental run of five stages. Turbo finds
 * pnpm on PATH, so the CLI puts this launcher first on turbo's PATH: for the
 * app's own `stage:*` scripts, run in the app's folder, it runs the script's
 * command (`node dist/stage.js <stage>`, checked against package.json by a
 * test) directly; everything else goes to the real pnpm unchanged.
 * `COPYDESK_NODE_FLAGS` (e.g. `--cpu-prof`) is handed to node, for profiling.
 */
function stageLauncher(): string | undefined {
  const real = findOnPath('pnpm')
  if (!real) return undefined
  const folder = path.join(workDir, 'bin')
  const file = path.join(folder, 'pnpm')
  const script = [
    '#!/bin/sh',
    '# Written by the copydesk CLI (apps/pipeline/src/lib/turbo.ts): runs the',
    '# stage scripts of @copydesk/pipeline without pnpm start-up; all else goes to pnpm.',
    `if [ "$1" = run ] && [ "$PWD" = ${JSON.stringify(appDir)} ]; then`,
    '  case "$2" in',
    '    stage:ingest|stage:names|stage:dates|stage:link|stage:export) exec node $COPYDESK_NODE_FLAGS dist/stage.js "${2#stage:}" ;;',
    '  esac',
    'fi',
    `exec ${JSON.stringify(real)} "$@"`,
    ''
  ].join('\n')
  try {
    if (fs.readFileSync(file, 'utf8') !== script) throw new Error('stale')
  } catch {
    fs.mkdirSync(folder, {recursive: true})
    fs.writeFileSync(`${file}.tmp`, script, {mode: 0o755})
    fs.renameSync(`${file}.tmp`, file)
  }

  return folder
}

function findOnPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!folder || folder === path.join(workDir, 'bin')) continue
    const file = path.join(folder, name)
    try {
      fs.accessSync(file, fs.constants.X_OK)
      return file
    } catch {}
  }

  return undefined
}

/** What a turbo run of the stages reported. */
export interface TurboResult {
  code: number
  /** Stage tasks that were cache hits. */
  cachedStages: Array<string>
  /** Stage tasks that ran. */
  executedStages: Array<string>
  /** The last lines of output, for error reports. */
  tail: Array<string>
}

/**
 * Run the stage tasks through turbo, passing the stage configurations as
 * environment variables (declared per task in turbo.json), and relay the
 * stages' progress events.
 */
export async function runTurbo(
  env: Record<string, string>,
  onProgress: (event: ProgressEvent) => void
): Promise<TurboResult> {
  const turbo = path.join(rootDir, 'node_modules', '.bin', 'turbo')
  const args = [
    'run',
    'stage:export',
    '--filter=@copydesk/pipeline',
    '--output-logs=new-only',
    '--ui=stream',
    '--log-order=stream',
    '--env-mode=strict'
  ]
  const launcher = process.env.COPYDESK_PNPM_LAUNCHER === '0' ? undefined : stageLauncher()
  const PATH = launcher ? `${launcher}${path.delimiter}${process.env.PATH ?? ''}` : process.env.PATH
  const child = spawn(turbo, args, {
    cwd: rootDir,
    env: {...process.env, ...env, PATH, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0', NO_COLOR: '1'},
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const result: TurboResult = {code: 0, cachedStages: [], executedStages: [], tail: []}
  const remember = (line: string): void => {
    result.tail.push(line)
    if (result.tail.length > 40) result.tail.shift()
  }

  const status = /@copydesk\/pipeline:(stage:[a-z]+): cache (hit|miss)/
  const onLine = (line: string): void => {
    const index = line.indexOf(progressPrefix)
    if (index !== -1) {
      try {
        onProgress(JSON.parse(line.slice(index + progressPrefix.length)) as ProgressEvent)
      } catch {}
      return
    }

    const match = status.exec(line)
    if (match) (match[2] === 'hit' ? result.cachedStages : result.executedStages).push(match[1].slice(6))
    remember(line)
  }

  const out = readline.createInterface({input: child.stdout})
  const err = readline.createInterface({input: child.stderr})
  out.on('line', onLine)
  err.on('line', remember)
  result.code = await new Promise<number>((resolve) => {
    child.on('error', (error) => {
      remember(String(error))
      resolve(127)
    })
    child.on('close', (code) => resolve(code ?? 1))
  })
  return result
}
