// Per-resource settings via workspace/configuration, cached per document URI and dropped on
// close or on a configuration change. Clients without workspace/configuration get the global
// settings pushed with didChangeConfiguration (or the defaults).

import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, type DisclosureSettings } from './protocol';

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Read whatever the client sent into a complete, valid settings object. */
export function sanitizeSettings(raw: unknown): DisclosureSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const out: DisclosureSettings = {
    enable: typeof r.enable === 'boolean' ? r.enable : DEFAULT_SETTINGS.enable,
    language: r.language === 'zh' || r.language === 'en' ? r.language : 'auto',
    rules: {},
    template: {
      fill: r.template?.fill === 'zero' ? 'zero' : 'blank',
      layout: r.template?.layout === 'tab' || r.template?.layout === 'markdown' ? r.template.layout : 'auto',
    },
    plaintext: { detect: typeof r.plaintext?.detect === 'boolean' ? r.plaintext.detect : DEFAULT_SETTINGS.plaintext.detect },
  };
  if (r.rules && typeof r.rules === 'object') {
    for (const [id, sev] of Object.entries(r.rules)) {
      if (typeof sev === 'string' && SEVERITIES.has(sev)) (out.rules as Record<string, string>)[id] = sev;
    }
  }
  return out;
}

export class SettingsCache {
  private readonly cache = new Map<string, Promise<DisclosureSettings>>();
  private global: DisclosureSettings = DEFAULT_SETTINGS;
  supportsConfiguration = false;

  constructor(private readonly connection: Connection) {}

  get(uri: string): Promise<DisclosureSettings> {
    if (!this.supportsConfiguration) return Promise.resolve(this.global);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'disclosureReport' })
        .then(sanitizeSettings, () => this.global);
      this.cache.set(uri, p);
    }
    return p;
  }

  /** didChangeConfiguration: forget everything; keep the pushed global settings if any. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const section = pushed && typeof pushed === 'object' ? (pushed as Record<string, unknown>).disclosureReport : undefined;
    if (section !== undefined) this.global = sanitizeSettings(section);
  }

  drop(uri: string): void {
    this.cache.delete(uri);
  }

  get size(): number {
    return this.cache.size;
  }
}
