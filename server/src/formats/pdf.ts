// placeholder, replaced below
import type { Document, Localized } from '../engine';
export interface PdfOptions { timeLimitMs?: number }
export async function pdfDocument(_bytes: Uint8Array, _options: PdfOptions = {}): Promise<{ ok: true; document: Document } | { ok: false; reason: Localized }> {
  return { ok: false, reason: { zh: '暂不支持', en: 'not yet' } };
}
