// Index build progress on stderr: a progress bar on a terminal, one line per stage otherwise (logs, CI).
import cliProgress from 'cli-progress';
import type { BuildProgress } from '../index/index.ts';

const STAGE_NAMES: Record<BuildProgress['stage'], string> = {
  read: 'Sammlungen lesen',
  analyse: 'Volltext analysieren',
  chunk: 'Abschnitte bilden',
  embed: 'Einbetten',
  vectors: 'Vektorindex',
  embeddings: 'Vektoren schreiben',
  sentences: 'Satzvektoren schreiben',
  lexical: 'Volltextindex',
  manifest: 'Manifest',
  switch: 'Umschalten',
};

export interface ProgressReporter {
  onProgress(progress: BuildProgress): void;
  stop(): void;
}

export function createProgressReporter(
  options: { stream?: NodeJS.WriteStream; write?: (text: string) => void } = {},
): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const write = options.write ?? ((text: string) => stream.write(text));
  if (!stream.isTTY || options.write) {
    let lastStage: string | undefined;
    return {
      onProgress(progress) {
        // Without a terminal only the stages with real work get a line (files read, chunks embedded, vectors linked).
        if (progress.stage === lastStage || progress.total <= 1) return;
        lastStage = progress.stage;
        write(`${STAGE_NAMES[progress.stage]}: ${progress.total}\n`);
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream, format: '{stage} [{bar}] {value}/{total}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let stage: string | undefined;
  return {
    onProgress(progress) {
      if (progress.stage !== stage) {
        if (stage !== undefined) bar.stop();
        stage = progress.stage;
        bar.start(Math.max(progress.total, 1), progress.done, {
          stage: STAGE_NAMES[progress.stage].padEnd(18),
        });
        return;
      }
      bar.setTotal(Math.max(progress.total, 1));
      bar.update(progress.done);
    },
    stop() {
      if (stage !== undefined) bar.stop();
    },
  };
}
