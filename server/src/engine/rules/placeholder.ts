import { defineRule } from './types';

// TODO(owner): implement.
export default defineRule({
  id: 'placeholder',
  defaultSeverity: 'warning',
  spec: [],
  fixable: false,
  doc: { summary: { zh: '', en: '' }, details: { zh: '', en: '' } },
  check() {},
});
