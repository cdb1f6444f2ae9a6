// The usual set-up of the page tests: the real assistant behind a page harness, and a desktop page opened on it once
// the table of contents has loaded.
import {
  type NewPageOptions,
  type PageHarness,
  type RecordedPage,
  startPageHarness,
} from './page-harness.ts';
import { buildRealAssistant, type RealAssistant } from './real-assistant.ts';

export interface RealHarness {
  real: RealAssistant;
  harness: PageHarness;
}

export async function startRealHarness(): Promise<RealHarness> {
  const real = await buildRealAssistant();
  try {
    return { real, harness: await startPageHarness({ assistant: real.assistant }) };
  } catch (error) {
    await real.dispose();
    throw error;
  }
}

/** Closes what was started; a part that never started (a failed beforeAll) is skipped. */
export async function closeRealHarness(started: Partial<RealHarness>): Promise<void> {
  await started.harness?.close();
  await started.real?.dispose();
}

/** A new page (clipboard allowed unless `options` say otherwise) on the harness, its table of contents loaded. */
export async function openLoadedPage(
  harness: PageHarness,
  options: NewPageOptions = { clipboard: true },
): Promise<RecordedPage> {
  const recorded = await harness.newPage(options);
  await recorded.page.goto(harness.url);
  await recorded.page.locator('.toc-item').first().waitFor();
  return recorded;
}
