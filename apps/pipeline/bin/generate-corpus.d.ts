/** Write `count` generated news-like articles as .txt files with front matter into `folder`. */
export function generateCorpus(folder: string, count: number, seed?: number): {files: number; bytes: number}
