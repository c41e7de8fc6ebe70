// The sidecar config (`.disclosure-report.json` / `.jsonc`): suppressions and settings that live
// beside the reports, never in them. Read by the CLI and the language server alike.
export * from './schema';
export * from './parse';
export * from './discover';
export * from './apply';
export * from './edit';
