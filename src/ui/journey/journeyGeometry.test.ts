import { describe, expect, it } from 'vitest';
import { arrowPath, edgePoint } from './JourneyHighlight';

describe('the hop arrow', () => {
  const box = { x: 100, y: 100, w: 100, h: 40 };
  it.each([
    { name: 'to the right: leaves through the right edge plus the margin', to: { x: 400, y: 120 }, want: { x: 208, y: 120 } },
    { name: 'straight down: leaves through the bottom edge', to: { x: 150, y: 400 }, want: { x: 150, y: 148 } },
    { name: 'a point inside the grown box is reached as is', to: { x: 160, y: 125 }, want: { x: 160, y: 125 } },
  ])('edgePoint $name', ({ to, want }) => {
    expect(edgePoint(box, to)).toEqual(want);
  });

  it('starts and ends outside both boxes (the arrowhead never covers a name)', () => {
    const to = { x: 500, y: 300, w: 80, h: 30 };
    const [, x1, y1, , , , x2, y2] = arrowPath(box, to).split(' ').map(Number);
    const inside = (b: typeof box, x: number, y: number) => x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h;
    expect(inside(box, x1!, y1!)).toBe(false);
    expect(inside(to, x2!, y2!)).toBe(false);
  });
});
