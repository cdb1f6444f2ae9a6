// Progress lines on stderr (stdout carries only the results), throttled so long stages print a few lines.

export type ProgressReporter = (stage: string, done: number, total: number) => void;

export function logProgress(label: string, message: string): void {
  process.stderr.write(`[bench ${label}] ${message}\n`);
}

/** Reports a stage's start, its end, and in between at most every `everyMs` milliseconds. */
export function createProgressReporter(label: string, everyMs = 5000): ProgressReporter {
  let lastStage = '';
  let lastAt = 0;
  return (stage, done, total) => {
    const now = performance.now();
    const isEdge = stage !== lastStage || done === total;
    if (!isEdge && now - lastAt < everyMs) return;
    if (stage === lastStage && done === total && total === 0) return;
    lastStage = stage;
    lastAt = now;
    logProgress(label, `${stage} ${done}/${total}`);
  };
}
