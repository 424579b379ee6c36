export {writeJsonl} from './lib/jsonl.js'
