#!/usr/bin/env node
// Launcher: builds the app (and the packages it uses) when its build is
// missing or older than its sources, then runs the CLI.
import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const app = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const root = path.resolve(app, '..', '..')
const cli = path.join(app, 'dist', 'cli.js')

function newest(folder) {
  let latest = 0
  for (const entry of fs.readdirSync(folder, {withFileTypes: true})) {
    const file = path.join(folder, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs)
  }
  return latest
}

function stale() {
  if (!fs.existsSync(cli)) return true
  const built = fs.statSync(cli).mtimeMs
  if (newest(path.join(app, 'src')) > built) return true
  // The CLI imports the packages: they must be built too.
  for (const name of fs.readdirSync(path.join(root, 'packages'))) {
    if (!fs.existsSync(path.join(root, 'packages', name, 'dist', 'index.js'))) return true
  }
  return false
}

if (stale()) {
  const turbo = path.join(root, 'node_modules', '.bin', 'turbo')
  const result = spawnSync(turbo, ['run', 'build', '--filter=@copydesk/pipeline...', '--output-logs=errors-only'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1'}
  })
  if (result.status !== 0) {
    process.stderr.write('copydesk: the build failed; run `pnpm build` to see why\n')
    process.exit(1)
  }
  // tsc -b leaves an up-to-date output untouched: mark it fresh.
  const now = new Date()
  fs.utimesSync(cli, now, now)
}

const {main} = await import(pathToFileURL(cli).href)
process.exitCode = await main(process.argv.slice(2))
