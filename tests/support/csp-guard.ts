/**
 * Set up for every browser test: a test fails when any page it opened had something refused by
 * the Content-Security-Policy (a script, a style, an inline handler), even if the page looked fine.
 */
import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser.ts';

afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
