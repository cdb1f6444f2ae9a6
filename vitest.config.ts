import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'eval/**/*.test.ts', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests poll the page; a loaded CI machine can take longer than the default second to repaint.
    expect: { poll: { timeout: 5_000 } },
  },
});
