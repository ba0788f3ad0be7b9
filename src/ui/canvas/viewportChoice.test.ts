import { describe, expect, it } from 'vitest';
import { mayAutoFit } from './viewportChoice';

describe('mayAutoFit', () => {
  it.each([
    { name: 'no fit yet: fit', current: { x: 0, y: 0, zoom: 1 }, last: undefined, want: true },
    { name: 'untouched since the last fit: fit again', current: { x: 10.2, y: 5, zoom: 0.7 }, last: { x: 10, y: 5.4, zoom: 0.701 }, want: true },
    { name: 'zoomed by the viewer: keep it', current: { x: 10, y: 5, zoom: 1.2 }, last: { x: 10, y: 5, zoom: 0.7 }, want: false },
    { name: 'panned by the viewer: keep it', current: { x: 140, y: 5, zoom: 0.7 }, last: { x: 10, y: 5, zoom: 0.7 }, want: false },
    { name: 'mid-animation of our own fit: fit again', current: { x: 80, y: 5, zoom: 0.9 }, last: { x: 10, y: 5, zoom: 0.7 }, since: 120, want: true },
    { name: 'long after our fit, moved: keep it', current: { x: 80, y: 5, zoom: 0.9 }, last: { x: 10, y: 5, zoom: 0.7 }, since: 5000, want: false },
  ])('$name', ({ current, last, since, want }) => {
    expect(mayAutoFit(current, last, since)).toBe(want);
  });
});
