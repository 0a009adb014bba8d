import { describe, expect, it } from 'vitest';
import { orderFromForm } from '#server/review/featured-order.ts';

const form = (fields: Record<string, string>) => new Map(Object.entries(fields));

describe('the order of the 优秀 essays from the console form', () => {
  it('sorts by the numbers the organiser typed', () => {
    expect(orderFromForm([11, 12, 13], form({ rank_11: '3', rank_12: '1', rank_13: '2' }))).toEqual([12, 13, 11]);
  });

  it('keeps the current order for blanks, ties and nonsense', () => {
    expect(orderFromForm([11, 12, 13], form({ rank_11: '2', rank_12: '2', rank_13: 'x' }))).toEqual([11, 12, 13]);
    expect(orderFromForm([11, 12, 13], form({}))).toEqual([11, 12, 13]);
  });

  it('moves one essay up or down with the buttons, and not past either end', () => {
    expect(orderFromForm([11, 12, 13], form({ move: '13:up' }))).toEqual([11, 13, 12]);
    expect(orderFromForm([11, 12, 13], form({ move: '11:down' }))).toEqual([12, 11, 13]);
    expect(orderFromForm([11, 12, 13], form({ move: '11:up' }))).toEqual([11, 12, 13]);
    expect(orderFromForm([11, 12, 13], form({ move: '99:down' }))).toEqual([11, 12, 13]);
  });
});
