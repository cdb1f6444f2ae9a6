// Everything one benchmark run measured (what --json prints), section by section; absent sections were not run.
import type { BenchOptions } from './options.ts';
import type { AskSectionResult } from './sections/ask.ts';
import type { BuildSectionResult } from './sections/build.ts';
import type { LoadSectionResult } from './sections/load.ts';
import type { RealQueryResult } from './sections/real-query.ts';
import type { SyntheticSizeResult } from './sections/synthetic.ts';

export interface MachineInfo {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
}

export interface BenchResults {
  options: BenchOptions;
  machine: MachineInfo;
  startedAt: string;
  totalSeconds?: number;
  build?: BuildSectionResult;
  query?: RealQueryResult;
  synthetic?: SyntheticSizeResult[];
  ask?: AskSectionResult;
  load?: LoadSectionResult;
}
