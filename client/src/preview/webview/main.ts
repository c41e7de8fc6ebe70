/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The preview webview's script (bundled to client/out/preview.js, loaded with the page's nonce).
// It only shows what the extension sends and reports clicks and keys: the report is read by the
// language server, never here.
import type { FromWebview, ToWebview } from '../messages';

declare function acquireVsCodeApi(): {
  postMessage(message: FromWebview): void;
  getState(): { scrollY?: number } | undefined;
  setState(state: { scrollY?: number }): void;
};

const vscode = acquireVsCodeApi();
const main = document.getElementById('preview') as HTMLElement;
const tooltip = document.getElementById('tooltip') as HTMLElement;
let cursorCell: string | null = null;

const post = (m: FromWebview): void => vscode.postMessage(m);
const cellEl = (id: string): HTMLElement | null => main.querySelector(`td[data-cell="${CSS.escape(id)}"]`);
const valueCellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? (target.closest('td.value[data-cell]') as HTMLElement | null) : null;

// ---------------------------------------------------------------- tooltip and relation highlight

function showTip(td: HTMLElement): void {
  const text = td.dataset.tip;
  if (!text) return;
  tooltip.textContent = text;
  tooltip.hidden = false;
  // Measured at the top left, where nothing narrows it: its size wherever it then goes.
  tooltip.style.left = '0px';
  tooltip.style.top = '0px';
  const box = td.getBoundingClientRect();
  const tip = tooltip.getBoundingClientRect();
  // Below the cell, else above it, else beside it: never over the cell it explains.
  let left = Math.max(4, Math.min(box.left, window.innerWidth - tip.width - 8));
  let top = box.bottom + 6;
  if (top + tip.height > window.innerHeight) top = box.top - tip.height - 6;
  if (top < 4) {
    top = Math.max(4, Math.min(box.top, window.innerHeight - tip.height - 4));
    left = box.left - tip.width - 6 >= 4 ? box.left - tip.width - 6 : Math.min(box.right + 6, window.innerWidth - tip.width - 4);
  }
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
  td.setAttribute('aria-describedby', 'tooltip');
}

function highlightParts(td: HTMLElement | null): void {
  for (const el of main.querySelectorAll('.part, .total-hover')) el.classList.remove('part', 'total-hover');
  const parts = td?.dataset.parts;
  if (!td || !parts) return;
  td.classList.add('total-hover');
  for (const id of parts.split(' ')) cellEl(id)?.classList.add('part');
}

function leave(td: HTMLElement | null): void {
  tooltip.hidden = true;
  td?.removeAttribute('aria-describedby');
  highlightParts(null);
}

main.addEventListener('mouseover', (e) => {
  const td = valueCellOf(e.target);
  if (!td) return;
  showTip(td);
  highlightParts(td);
});
main.addEventListener('mouseout', (e) => {
  const td = valueCellOf(e.target);
  if (td && !td.contains(e.relatedTarget as Node | null)) leave(td);
});
main.addEventListener('focusin', (e) => {
  const td = valueCellOf(e.target);
  if (!td) return;
  // Roving tab stop: the focused cell is its table's one Tab stop.
  for (const other of td.closest('table')?.querySelectorAll('td.value[tabindex="0"]') ?? []) other.setAttribute('tabindex', '-1');
  td.setAttribute('tabindex', '0');
  showTip(td);
  highlightParts(td);
});
main.addEventListener('focusout', (e) => leave(valueCellOf(e.target)));

// ---------------------------------------------------------------- clicks and keys

main.addEventListener('click', (e) => {
  const target = e.target as Element;
  const copy = target.closest('button[data-copy]') as HTMLElement | null;
  if (copy) return post({ type: 'copyTsv', table: copy.dataset.copy ?? '' });
  const section = target.closest('[data-section]') as HTMLElement | null;
  if (section) return post({ type: 'revealSection', section: Number(section.dataset.section) });
  const td = valueCellOf(target);
  if (td?.dataset.cell) post({ type: 'reveal', cell: td.dataset.cell });
});
document.getElementById('export')?.addEventListener('click', () => post({ type: 'export' }));

/** The value cell the arrow key leads to, by grid position (row and start column). */
function neighbour(td: HTMLElement, key: string): HTMLElement | null {
  const table = td.closest('table');
  if (!table) return null;
  const cells = [...table.querySelectorAll<HTMLElement>('td.value[data-cell]')];
  const here = cells.indexOf(td);
  if (key === 'ArrowLeft') return cells[here - 1] ?? null;
  if (key === 'ArrowRight') return cells[here + 1] ?? null;
  const rowOf = (el: HTMLElement): number => (el.parentElement as HTMLTableRowElement).rowIndex;
  const r = rowOf(td);
  const x = td.getBoundingClientRect().left;
  const candidates = cells.filter((c) => (key === 'ArrowDown' ? rowOf(c) > r : rowOf(c) < r));
  if (candidates.length === 0) return null;
  const nextRow = key === 'ArrowDown' ? Math.min(...candidates.map(rowOf)) : Math.max(...candidates.map(rowOf));
  const row = candidates.filter((c) => rowOf(c) === nextRow);
  return row.reduce((best, c) => (Math.abs(c.getBoundingClientRect().left - x) < Math.abs(best.getBoundingClientRect().left - x) ? c : best));
}

main.addEventListener('keydown', (e) => {
  const target = e.target as HTMLElement;
  if ((e.key === 'Enter' || e.key === ' ') && target.dataset.section) {
    e.preventDefault();
    return post({ type: 'revealSection', section: Number(target.dataset.section) });
  }
  const td = valueCellOf(target);
  if (!td) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    if (td.dataset.cell) post({ type: 'reveal', cell: td.dataset.cell });
  } else if (e.key.startsWith('Arrow')) {
    const next = neighbour(td, e.key);
    if (next) {
      e.preventDefault();
      next.focus();
    }
  } else if (e.key === 'Escape') {
    leave(td);
  }
});

// ---------------------------------------------------------------- updates from the extension

/** Each table gets one Tab stop: the cell under the editor's cursor, else its first value cell. */
function setTabStops(): void {
  for (const table of main.querySelectorAll('table')) {
    const cells = table.querySelectorAll<HTMLElement>('td.value[data-cell]');
    if (cells.length === 0) continue;
    const current = [...cells].find((c) => c.dataset.cell === cursorCell) ?? cells[0];
    current.setAttribute('tabindex', '0');
  }
}

function markCursor(scroll: boolean): void {
  for (const el of main.querySelectorAll('td.cursor')) el.classList.remove('cursor');
  const td = cursorCell ? cellEl(cursorCell) : null;
  if (!td) return;
  td.classList.add('cursor');
  if (scroll) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const m = event.data;
  if (m?.type === 'render') {
    const focused = valueCellOf(document.activeElement)?.dataset.cell;
    const y = window.scrollY;
    main.innerHTML = m.html;
    main.dataset.version = String(m.version);
    tooltip.hidden = true;
    setTabStops();
    markCursor(false);
    window.scrollTo(window.scrollX, y);
    if (focused) cellEl(focused)?.focus({ preventScroll: true });
  } else if (m?.type === 'cursor') {
    cursorCell = m.cell;
    markCursor(true);
  }
});

let saving = 0;
window.addEventListener('scroll', () => {
  if (saving) return;
  saving = window.setTimeout(() => {
    saving = 0;
    vscode.setState({ scrollY: window.scrollY });
  }, 100);
});

const restored = vscode.getState()?.scrollY;
setTabStops();
if (typeof restored === 'number') window.scrollTo(0, restored);
post({ type: 'ready' });
