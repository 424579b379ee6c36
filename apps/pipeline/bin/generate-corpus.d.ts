/** Write `count` generated news-like articles as .txt files with front matter into `folder`. */
export function generateCorpus(folder: string, count: number, seed?: number): {files: number; bytes: number}

/** The article texts of a generated corpus, without front matter, in file-name order, up to `limit` bytes. */
export function readTexts(folder: string, limit: number): {texts: Array<{name: string; text: string}>; bytes: number}
