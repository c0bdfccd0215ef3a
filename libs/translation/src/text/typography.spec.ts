import { segmentText, text } from './segment';
import { protect } from './protect';
import { finishTarget, normaliseSource } from './typography';

const finish = (value: string, lang: 'en' | 'fr' | 'es') => segmentText(finishTarget(protect(value), lang));

describe('typography', () => {
  it('opens Spanish questions and exclamations, after an introductory phrase when there is one', () => {
    expect(finish('Qué más se puede hacer? Mucho.', 'es')).toBe('¿Qué más se puede hacer? Mucho.');
    expect(finish('En su opinión, qué acciones ayudan? Gracias!', 'es')).toBe(
      'En su opinión, ¿qué acciones ayudan? ¡Gracias!',
    );
    expect(finish('¿Ya está abierta?', 'es')).toBe('¿Ya está abierta?');
  });

  it('puts a no-break space before French double punctuation, and none in English', () => {
    expect(finish('Que faire ? Voir https://example.org: ici!', 'fr')).toBe(
      'Que faire\u00a0? Voir https://example.org\u00a0: ici\u00a0!',
    );
    expect(finish('What more can be done ? Well : this.', 'en')).toBe('What more can be done? Well: this.');
    expect(finish('¿Qué?', 'en')).toBe('Qué?');
  });

  it('collapses the double spaces engines leave, and trims', () => {
    expect(finish(' by all the  actors ', 'en')).toBe('by all the actors');
  });

  it('normalises ligatures and curly apostrophes in the source', () => {
    expect(segmentText(normaliseSource([text('la mise en œuvre d’enjeux')]))).toBe("la mise en oeuvre d'enjeux");
  });
});
