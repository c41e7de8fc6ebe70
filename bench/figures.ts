// One measured figure, as printed and as written to bench/results.json.
export interface Figure {
  group: 'engine' | 'markdownlint' | 'floor' | 'ratio' | 'lsp' | 'size';
  /** What was measured, e.g. "check 1 MB". */
  name: string;
  /** The median (or the single reading, for sizes). */
  value: number;
  unit: string;
  min?: number;
  max?: number;
  /** How many samples the median is of. */
  runs?: number;
  /** The target we hold ourselves to, as text ("< 50 ms"); reported, never asserted. */
  target?: string;
  /** Whether the median meets the target (null when there is none). */
  meets?: boolean | null;
  note?: string;
}

export function fig(f: Figure): Figure {
  return f;
}
