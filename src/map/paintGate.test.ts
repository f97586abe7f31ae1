import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdPaint } from './paintGate';

function fakeMap() {
  const painted: number[] = [];
  const map = {
    repaints: 0,
    painter: { render: (n: number) => { painted.push(n); return n; } },
    triggerRepaint() { map.repaints++; },
  };
  return { map, painted };
}

describe('holdPaint', () => {
  afterEach(() => vi.useRealTimers());

  it('drops paints until opened, then passes them through with their arguments', () => {
    const { map, painted } = fakeMap();
    const opened = vi.fn();
    const gate = holdPaint(map, opened);
    map.painter.render(1);
    map.painter.render(2);
    expect(painted).toEqual([]);
    expect(gate.isOpen).toBe(false);
    gate.open();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(map.repaints).toBe(1);
    expect(map.painter.render(3)).toBe(3);
    expect(painted).toEqual([3]);
    gate.open();
    expect(opened).toHaveBeenCalledTimes(1);
    expect(map.repaints).toBe(1);
    gate.dispose();
  });

  it('opens by itself after the fallback time, so the map is never left blank', () => {
    vi.useFakeTimers();
    const { map, painted } = fakeMap();
    const gate = holdPaint(map, undefined, 4000);
    vi.advanceTimersByTime(3999);
    expect(gate.isOpen).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gate.isOpen).toBe(true);
    map.painter.render(7);
    expect(painted).toEqual([7]);
  });

  it('does not open after dispose (the map is gone)', () => {
    vi.useFakeTimers();
    const { map } = fakeMap();
    const gate = holdPaint(map, undefined, 100);
    gate.dispose();
    vi.advanceTimersByTime(1000);
    expect(gate.isOpen).toBe(false);
  });

  it('is open from the start when the map has no painter.render to wrap', () => {
    const gate = holdPaint({ triggerRepaint() {} });
    expect(gate.isOpen).toBe(true);
  });
});
