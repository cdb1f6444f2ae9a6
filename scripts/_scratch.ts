import { loadGermanWordList } from '../src/analysis/word-list.ts';
import { stemmer } from '@orama/stemmers/german';
import { readFileSync } from 'node:fs';
const w = await loadGermanWordList();
const words=[...w.keys()]; let t1=performance.now(); for (const x of words) stemmer(x); console.log('stem all ms', performance.now()-t1, words.length);
const th = readFileSync('data/thesaurus/openthesaurus-de.txt','utf8');
t1=performance.now();
const lines = th.split('\n').filter(l=>l && !l.startsWith('#'));
let terms=0, multi=0; const sizes: number[]=[];
for (const l of lines){ const parts=l.split(';'); sizes.push(parts.length); for (const p of parts){ terms++; if (p.replace(/\([^)]*\)/g,'').trim().includes(' ')) multi++; } }
console.log('thesaurus lines', lines.length, 'terms', terms, 'multi', multi, 'ms', performance.now()-t1);
sizes.sort((a,b)=>a-b); console.log('p50', sizes[sizes.length/2|0], 'p90', sizes[sizes.length*0.9|0], 'p99', sizes[sizes.length*0.99|0], 'max', sizes.at(-1));
