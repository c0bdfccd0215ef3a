import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, keysetPage } from './keyset-page';

describe('keyset pages', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('keeps `limit` rows and makes the next cursor from the last one kept when a row more was fetched', () => {
    expect(keysetPage(rows, 2, (last) => last.id)).toEqual({ rows: [{ id: 'a' }, { id: 'b' }], nextCursor: 'b' });
  });

  it('has no next cursor on the last page, full or not', () => {
    expect(keysetPage(rows, 3, (last) => last.id)).toEqual({ rows, nextCursor: null });
    expect(keysetPage([], 3, (last: { id: string }) => last.id)).toEqual({ rows: [], nextCursor: null });
  });

  it('reads back the parts of a cursor it made, and answers 400 to one it did not', () => {
    expect(decodeCursor(encodeCursor('2026-12-01T10:00:00.000Z', 'id-1'))).toEqual([
      '2026-12-01T10:00:00.000Z',
      'id-1',
    ]);
    for (const junk of [
      'not-a-cursor',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[1,2]').toString('base64url'),
    ]) {
      expect(() => decodeCursor(junk)).toThrow(DomainError);
    }
  });
});
