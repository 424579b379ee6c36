import chardet from 'chardet'
import iconv from 'iconv-lite'

/** Result of decoding bytes to text. */
export type Decoded =
  | {binary: false; text: string; encoding: string}
  | {binary: true; text: ''; encoding: null}

const utf8 = new TextDecoder('utf-8', {fatal: true})

/**
 * Decode bytes to a string: UTF-8 (with or without BOM), UTF-16 with BOM,
 * a declared charset (HTML `<meta charset>`, HTTP header), else detection
 * (`chardet`) with Windows-1252 standing in for ISO-8859-1.
 * Non-breaking spaces become spaces (one code unit for one, so offsets hold).
 */
export function decode(buffer: Uint8Array, declared?: string | null): Decoded {
  let text: string
  let encoding: string
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    text = Buffer.from(buffer.subarray(3)).toString('utf8')
    encoding = 'utf-8'
  } else if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    text = iconv.decode(Buffer.from(buffer.subarray(2)), 'utf-16le')
    encoding = 'utf-16le'
  } else if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    text = iconv.decode(Buffer.from(buffer.subarray(2)), 'utf-16be')
    encoding = 'utf-16be'
  } else {
    if (isBinary(buffer)) return {binary: true, text: '', encoding: null}
    try {
      text = utf8.decode(buffer)
      encoding = 'utf-8'
    } catch {
      encoding = pickLegacy(buffer, declared)
      text = iconv.decode(Buffer.from(buffer), encoding)
    }
  }

  return {binary: false, text: text.replace(/\u00a0/g, ' '), encoding}
}

/** Whether bytes look binary: NUL or many control bytes in the first 8 KiB. */
export function isBinary(buffer: Uint8Array): boolean {
  const end = Math.min(buffer.length, 8192)
  let control = 0
  for (let index = 0; index < end; index++) {
    const byte = buffer[index]
    if (byte === 0) return true
    if (byte < 9 || (byte > 13 && byte < 32)) control++
  }
  return end > 0 && control / end > 0.1
}

function pickLegacy(buffer: Uint8Array, declared?: string | null): string {
  const label = declared?.trim().toLowerCase()
  if (label && label !== 'utf-8' && label !== 'utf8' && iconv.encodingExists(label)) {
    return label === 'iso-8859-1' || label === 'latin1' || label === 'us-ascii' ? 'windows-1252' : label
  }
  const detected = chardet.detect(buffer)?.toLowerCase() ?? 'windows-1252'
  if (detected === 'iso-8859-1' || detected === 'utf-8' || detected === 'ascii' || !iconv.encodingExists(detected)) {
    return 'windows-1252'
  }
  return detected
}

/** Find a charset declared in the first bytes of an HTML or XML document. */
export function sniffCharset(buffer: Uint8Array): string | null {
  const head = Buffer.from(buffer.subarray(0, 2048)).toString('latin1')
  const match = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head) ?? /<\?xml[^>]+encoding=["']([\w-]+)/i.exec(head)
  return match ? match[1] : null
}
