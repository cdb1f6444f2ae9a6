// Everything one benchmark run measured (what --json prints), section by section and embedder by embedder; absent
// sections were not run.
import type { BenchOptions } from './options.ts';
import type { BackendResult } from './sections/backends.ts';
import type { BuildSectionResult } from './sections/build.ts';
import type { RealQueryResult } from './sections/real-query.ts';
import type { ServedResult } from './sections/served.ts';
import type { SoakResult } from './sections/soak.ts';
import type { SyntheticSectionResult } from './sections/synthetic.ts';
import type { TargetCheck } from './targets.ts';

export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  /** 1-minute load average when the run started and ended: other work on a shared machine moves every number. */
  loadAverageAtStart: number;
  loadAverageAtEnd?: number;
}

export interface BenchResults {
  options: BenchOptions;
  machine: MachineInfo;
  startedAt: string;
  totalSeconds?: number;
  build?: BuildSectionResult[];
  query?: RealQueryResult[];
  synthetic?: SyntheticSectionResult;
  /** Sections "http" and "load" share one server per embedder. */
  served?: ServedResult[];
  /** Section "backends": the embedded index and PostgreSQL side by side. */
  backends?: BackendResult[];
  /** Unique questions for a long time: does the server's memory level off? */
  soak?: SoakResult[];
  /** Every target judged, in section order. */
  targets?: TargetCheck[];
}
