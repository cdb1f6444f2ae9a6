// Types of server-status.js.
export interface HealthLike {
  embedder?: string;
  model?: string;
  dtype?: string;
  units?: number;
  meetings?: number;
  answerer?: string;
  [key: string]: unknown;
}
export function modelName(health: HealthLike): string;
export function statusSummary(health: HealthLike): string;
