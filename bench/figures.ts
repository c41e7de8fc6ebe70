// One measured figure, as printed and as written to bench/results.json.
export interface Figure {
  group: 'engine' | 'markdownlint' | 'floor' | 'ratio' | 'growth' | 'process' | 'folder' | 'format' | 'lsp' | 'size';
  /** What was measured, e.g. "check 1 MB". */
  name: string;
  /** The median (or the single reading, for sizes). For a ratio: the median of the paired ratios. */
  value: number;
  unit: string;
  min?: number;
  max?: number;
  /** How many samples (or pairs, for a ratio) the median is of. */
  runs?: number;
  /** The target we hold ourselves to, as text ("< 50 ms"); reported, never asserted. */
  target?: string;
  /** Whether the median meets the target (null when there is none). */
  meets?: boolean | null;
  /** Median CPU time of this process per call (ms), or for a ratio the median paired CPU-time ratio. */
  cpu?: number;
  note?: string;
}

/** A goal: the bound and how it reads. */
export interface Target {
  value: number;
  text: string;
}
