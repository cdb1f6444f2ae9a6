// Splits a run into named stages by the moments each begins (from progress callbacks), in milliseconds.

export interface StageTiming {
  stage: string;
  milliseconds: number;
}

export interface StageClock {
  /** Ends the running stage and begins `stage`; calling it again for the running stage changes nothing. */
  begin(stage: string): void;
  /** Ends the running stage; the timings so far, in order. */
  end(): StageTiming[];
}

export function createStageClock(now: () => number = () => performance.now()): StageClock {
  const timings: StageTiming[] = [];
  let running: { stage: string; startedAt: number } | undefined;
  const finish = () => {
    if (!running) return;
    timings.push({ stage: running.stage, milliseconds: now() - running.startedAt });
    running = undefined;
  };
  return {
    begin(stage) {
      if (running?.stage === stage) return;
      finish();
      running = { stage, startedAt: now() };
    },
    end() {
      finish();
      return [...timings];
    },
  };
}
