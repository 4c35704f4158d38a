import { describe, expect, test } from 'vitest';
import { SEARCH_PAUSE_MAX_MS, SEARCH_PAUSE_MIN_MS, searchCost, searchPause } from './list-query';

describe('the pause after typing follows what searches cost', () => {
  test('the longest pause until a search has been measured', () => {
    expect(searchPause(null)).toBe(SEARCH_PAUSE_MAX_MS);
    expect(searchPause(Number.NaN)).toBe(SEARCH_PAUSE_MAX_MS);
  });

  test('three times the cost, within the bounds', () => {
    expect(searchPause(2)).toBe(SEARCH_PAUSE_MIN_MS);
    expect(searchPause(20)).toBe(60);
    expect(searchPause(35)).toBe(105);
    expect(searchPause(400)).toBe(SEARCH_PAUSE_MAX_MS);
  });

  test('one slow search moves the cost only a little', () => {
    let cost = searchCost(null, 10);
    expect(cost).toBe(10);
    cost = searchCost(cost, 200);
    expect(cost).toBeCloseTo(67, 0);
    for (let i = 0; i < 20; i++) cost = searchCost(cost, 10);
    expect(searchPause(cost)).toBe(SEARCH_PAUSE_MIN_MS);
  });
});
