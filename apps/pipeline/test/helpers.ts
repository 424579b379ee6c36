import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(appDir, 'bin', 'copydesk.js')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** Run the real CLI in a child process. */
export function cli(args: ReadonlyArray<string>, options: {cwd?: string; input?: string; env?: Record<string, string>} = {}): CliResult {
  const env: Record<string, string | undefined> = {...process.env, ...options.env}
  delete env.INIT_CWD
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? appDir,
    input: options.input ?? '',
    encoding: 'utf8',
    env
  })
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

/** A fresh temporary folder. */
export function temporary(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-${prefix}-`))
}

export function readJsonl<T = Record<string, unknown>>(file: string): Array<T> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T)
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}
