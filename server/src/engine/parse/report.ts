import type { Report } from '../model';
import { makeSource } from './source';

export function parseReport(text: string): Report {
  const source = makeSource(text);
  return {
    source,
    title: null,
    year: null,
    formatVersion: null,
    formatMarkers: { '2021': [], '2019': [] },
    statisticsPeriod: null,
    signingDate: null,
    sections: [],
    tables: [],
    layout: 'tab',
  };
}
