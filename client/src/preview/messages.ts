// Messages between the preview webview and the extension (plain data, no imports: the webview
// bundle and the extension both use these types).

/** Extension → webview. */
export type ToWebview =
  /** New body HTML (from the shared renderer) for document version `version`. */
  | { type: 'render'; html: string; version: number }
  /** The editor's cursor is in this cell (null: in no cell). */
  | { type: 'cursor'; cell: string | null };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  /** Select this cell's text in the editor. */
  | { type: 'reveal'; cell: string }
  /** Reveal the heading of section n (1..6). */
  | { type: 'revealSection'; section: number }
  | { type: 'copyTsv'; table: string }
  | { type: 'export' };
