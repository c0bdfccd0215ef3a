import { neutraliseCell } from '@roundtable/core';
import { ExportRow, toExported } from './export-rows';

const row = (status: ExportRow['status']): ExportRow => ({
  id: 'c1',
  parent_id: null,
  root_id: 'c1',
  seq: '3',
  status,
  language: 'fr',
  body: 'Texte original',
  created_at: new Date('2024-05-01T10:00:00Z'),
  edited_at: null,
  created_key: '2024-05-01 10:00:00+00',
  display_name: 'Ana Ruiz',
  organisation: 'Red Andina',
  constituency: 'civil_society',
  country: 'PE',
  author_is_moderator: false,
  parent_author: null,
  version: 2,
  translations: {
    en: { text: 'Original text', provider: 'apertium', status: 'done', sourceVersion: 2, machine: true },
    es: { text: 'Texto de la versión 1', provider: 'apertium', status: 'done', sourceVersion: 1, machine: true },
  },
});

describe('export rows', () => {
  it('keeps published text and its translations for every staff reader', () => {
    expect(toExported(row('published'), false)).toMatchObject({
      body: 'Texte original',
      translations: { en: { text: 'Original text', status: 'done', machine: true } },
      postedAt: '2024-05-01T10:00:00.000Z',
    });
  });

  it('exports a translation of an earlier version as pending, never as the current text', () => {
    expect(toExported(row('published'), false).translations.es).toEqual({
      text: null,
      status: 'pending',
      provider: 'apertium',
      machine: true,
      sourceVersion: null,
    });
  });

  it('never exports deleted text, and moderated text only to moderators', () => {
    expect(toExported(row('deleted'), true)).not.toHaveProperty('body');
    expect(toExported(row('deleted'), true).translations).toEqual({});
    for (const status of ['hidden', 'pending', 'rejected'] as const) {
      expect(toExported(row(status), false)).not.toHaveProperty('body');
      expect(toExported(row(status), true).body).toBe('Texte original');
    }
  });
});

describe('CSV formula neutralising', () => {
  it.each(['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a single quote', (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it.each(['plain', ' =not first', "'quoted", '', '2024-05-01'])('leaves %j as it is', (cell) => {
    expect(neutraliseCell(cell)).toBe(cell);
  });
});
