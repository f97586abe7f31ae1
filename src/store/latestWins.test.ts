import { describe, expect, it } from 'vitest';
import { latestWins } from './latestWins';

describe('latestWins', () => {
  it('coalesces calls made during a pass into exactly one more pass with the latest input', async () => {
    let input = 0;
    const seen: number[] = [];
    let release: () => void = () => {};
    const run = latestWins(async () => {
      seen.push(input);
      await new Promise<void>((r) => (release = r));
    });
    const first = run();
    for (input = 1; input <= 5; input++) void run(); // five calls while the first pass waits
    input = 5;
    release();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await first;
    expect(seen).toEqual([0, 5]);
  });
  it('runs again when a pass says its answer is stale, and reports busy', async () => {
    const busy: boolean[] = [];
    let n = 0;
    const run = latestWins(async () => ++n < 3, (b) => busy.push(b));
    await run();
    expect(n).toBe(3);
    expect(busy).toEqual([true, false]);
  });
  it('a call made during a pass settles only after the pass that includes it', async () => {
    let input = 0;
    const seen: number[] = [];
    const releases: (() => void)[] = [];
    const run = latestWins(async () => {
      seen.push(input);
      await new Promise<void>((r) => releases.push(r));
    });
    void run();
    input = 1;
    let late = false;
    const second = run().then(() => (late = true));
    releases.shift()!(); // the first pass (input 0) ends; the coalesced one (input 1) starts
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([0, 1]);
    expect(late).toBe(false);
    releases.shift()!();
    await second;
    expect(late).toBe(true);
  });
  it('a pass that throws settles every waiting call and frees the next run', async () => {
    let n = 0;
    const run = latestWins(async () => {
      n++;
      if (n === 1) throw new Error('boom');
    });
    await expect(run()).rejects.toThrow('boom');
    await run();
    expect(n).toBe(2);
  });
});
