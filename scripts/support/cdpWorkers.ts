/**
 * CDP commands to the page's dedicated workers (heap usage, CPU profiles) for the browser benches:
 * playwright gives a CDP session for the page only, so each worker target is attached through it
 * (non-flat attach) and spoken to with Target.sendMessageToTarget.
 */
import type { CDPSession } from 'playwright-core';

export interface WorkerCdp {
  url: string;
  /** Resolves with the command's result, or `{ error }` (also after `timeoutMs`). */
  call: (method: string, params?: object) => Promise<unknown>;
}

export async function workerCdpSessions(cdp: CDPSession, match: (url: string) => boolean = () => true, timeoutMs = 120_000): Promise<WorkerCdp[]> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const out: WorkerCdp[] = [];
  for (const t of targetInfos.filter((x) => x.type === 'worker' && match(x.url))) {
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false })) as { sessionId: string };
    let id = 0;
    const waiting = new Map<number, (r: unknown) => void>();
    cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
      if (m.id !== undefined) waiting.get(m.id)?.(m.result ?? { error: m.error });
    });
    out.push({
      url: t.url,
      call: (method, params = {}) => new Promise((resolve) => {
        const i = ++id;
        waiting.set(i, resolve);
        setTimeout(() => resolve({ error: 'timeout' }), timeoutMs);
        void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) });
      }),
    });
  }
  return out;
}
