// The page's modules that are generated from their sources in src/ (the browser cannot import TypeScript): written
// by scripts/generate-web-modules.ts, checked equal by web/js/generated-modules.test.ts.
import path from 'node:path';
import { webMarkerGrammarModule } from '../src/citation/marker-grammar.ts';
import { webConferencesModule } from '../src/corpus/conferences.ts';
import { WEB_DIR } from '../src/paths.ts';

export const WEB_GENERATED_MODULES: ReadonlyArray<{ file: string; generate: () => string }> = [
  { file: path.join(WEB_DIR, 'js', 'conferences.js'), generate: webConferencesModule },
  { file: path.join(WEB_DIR, 'js', 'marker-grammar.js'), generate: webMarkerGrammarModule },
];
