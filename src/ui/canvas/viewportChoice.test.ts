import { describe, expect, it } from 'vitest';
import { mayAutoFit } from './viewportChoice';

describe('mayAutoFit', () => {
  it.each([
    { name: 'no fit yet: fit', current: { x: 0, y: 0, zoom: 1 }, last: undefined, want: true },
    { name: 'untouched since the last fit: fit again', current: { x: 10.2, y: 5, zoom: 0.7 }, last: { x: 10, y: 5.4, zoom: 0.701 }, want: true },
    { name: 'zoomed by the viewer: keep it', current: { x: 10, y: 5, zoom: 1.2 }, last: { x: 10, y: 5, zoom: 0.7 }, want: false },
    { name: 'panned by the viewer: keep it', current: { x: 140, y: 5, zoom: 0.7 }, last: { x: 10, y: 5, zoom: 0.7 }, want: false },
  ])('$name', ({ current, last, want }) => {
    expect(mayAutoFit(current, last)).toBe(want);
  });
});
