import {it} from 'vitest'
import fs from 'node:fs'
import {collect} from './helpers.js'
it('x', async () => {
  const {files} = await collect(process.env.P!.split(','), {duplicates: 'off'})
  fs.writeFileSync('/tmp/ingw/out.txt', files.map((f) => '=== ' + f.path + '\n' + JSON.stringify(f.data.ingest) + '\n' + f.messages.map(String).join('\n') + '\n' + String(f.value)).join('\n\n'))
})
