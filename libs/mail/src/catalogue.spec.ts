import { catalogueGaps, translate } from './catalogue';
import { MailDeliveryError } from './mail-delivery-error';

const catalogues = {
  en: { hello: 'Hello {name}', items: { one: '{count} item', other: '{count} items' } },
  fr: { hello: 'Bonjour {name}', items: { one: '{count} élément', other: '{count} éléments' } },
  es: { hello: 'Hola {name}', items: { one: '{count} elemento', other: '{count} elementos' } },
};

describe('mail catalogues', () => {
  it('fills placeholders and picks plural forms by the language rules', () => {
    expect(translate(catalogues, 'en', 'hello', { name: 'Ana' })).toBe('Hello Ana');
    expect(translate(catalogues, 'en', 'items', { count: 0 })).toBe('0 items');
    expect(translate(catalogues, 'fr', 'items', { count: 0 })).toBe('0 élément');
    expect(translate(catalogues, 'es', 'items', { count: 1 })).toBe('1 elemento');
    expect(translate(catalogues, 'es', 'items', { count: 3 })).toBe('3 elementos');
  });

  it('refuses unknown keys and missing placeholders, and reports catalogues that differ', () => {
    expect(() => translate(catalogues, 'en', 'nope')).toThrow(/no "nope"/);
    expect(() => translate(catalogues, 'en', 'hello')).toThrow(/\{name\}/);
    expect(catalogueGaps(catalogues)).toEqual([]);
    expect(catalogueGaps({ ...catalogues, es: { hello: 'Hola' } as never })).toEqual(['es lacks "items"']);
  });
});

describe('SMTP failures', () => {
  it('treats 5xx as permanent and 4xx, timeouts and dropped connections as transient', () => {
    expect(MailDeliveryError.from({ responseCode: 550, response: '550 no such user', message: 'x' })).toMatchObject({
      permanent: true,
      responseCode: 550,
    });
    expect(MailDeliveryError.from({ responseCode: 451, response: '451 try later', message: 'x' })).toMatchObject({
      permanent: false,
      responseCode: 451,
    });
    expect(MailDeliveryError.from({ code: 'ETIMEDOUT', message: 'Timeout' })).toMatchObject({ permanent: false });
    expect(MailDeliveryError.from(new Error('socket hang up')).permanent).toBe(false);
  });
});
