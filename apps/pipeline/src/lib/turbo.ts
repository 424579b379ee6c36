import {spawn} from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import {progressPrefix, type ProgressEvent} from './progress-events.js'
import {rootDir} from './paths.js'

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
  force: boolean,
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
  if (force) args.push('--force')
  const child = spawn(turbo, args, {
    cwd: rootDir,
    env: {...process.env, ...env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', FORCE_COLOR: '0', NO_COLOR: '1'},
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
