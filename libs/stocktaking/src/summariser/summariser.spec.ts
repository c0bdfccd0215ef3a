import { acceptableRewording, numbersIn } from './summariser';

describe('summariser guard', () => {
  it('reads the numbers of a statement', () => {
    expect(numbersIn('49 contributions, 3.5 % and 1,200 people in 2021')).toEqual(['49', '3.5', '1200', '2021']);
  });

  it('accepts a rewording that keeps to the statement’s figures, refuses one that invents any', () => {
    const original = 'Regular pathways: raised in 7 contributions across 2 questions by States and civil society.';
    expect(
      acceptableRewording(
        original,
        'States and civil society returned to regular pathways in 7 contributions on 2 questions.',
      ),
    ).toBe(true);
    expect(acceptableRewording(original, 'Regular pathways came up in 9 contributions.')).toBe(false);
    expect(acceptableRewording(original, '   ')).toBe(false);
  });
});
