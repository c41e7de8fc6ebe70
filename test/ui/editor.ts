// Editor pieces the UI steps share: the squiggle on the cursor's line and where it is drawn.
import type { Locator, Page } from 'playwright-core';

/** The error squiggle on the line that holds the cursor. */
export const squiggleOnCursorLine = (page: Page): Locator =>
  page.locator('.editor-instance .monaco-editor .view-overlays > div:has(.current-line) .squiggly-error, .editor-instance .monaco-editor .view-overlays > div:has(.current-line-exact) .squiggly-error').first();

/**
 * The box of a squiggle as drawn. The editor redraws its overlays whenever it lays itself out again
 * (a panel opens, a viewer closes, diagnostics arrive a second time), so a squiggle seen a moment ago
 * can be a detached element now: look again until one is drawn, for up to `timeout` ms.
 */
export async function squiggleBox(squiggle: Locator, timeout = 10_000): Promise<{ x: number; y: number; width: number; height: number }> {
  const until = Date.now() + timeout;
  for (;;) {
    await squiggle.waitFor({ state: 'visible', timeout: Math.max(1, until - Date.now()) });
    const box = await squiggle.boundingBox();
    if (box) return box;
    if (Date.now() >= until) throw new Error('the squiggle has no box');
    await squiggle.page().waitForTimeout(250);
  }
}
