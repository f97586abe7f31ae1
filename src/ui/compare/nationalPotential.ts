/**
 * Potential and priority rank of every province for the national table (issue 10 §1): the
 * targeting ranking of issue 9 at province level over the whole country, with the user's current
 * targeting settings otherwise (need measure, normalisation, weights, strategy …) — the same
 * request `cli rank --level province` makes, answered by the compute worker's targeting API.
 *
 * When the targeting tab itself ranks provinces of the whole country, its answer is reused. Any
 * other answer comes from one more `targetingRank` call; the worker remembers only its last
 * ranking for the targeting tab's CSV/GeoJSON export, so the tab's own ranking is asked again
 * right after (cheap: its areas are cached) to keep that export the tab's.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { appStore } from '../../store/store';
import { computeWorker } from '../../store/actions';
import { latestWins } from '../../store/latestWins';
import { rankOptions, rerank, targetingStore, type TargetingSettings } from '../../store/targetingStore';
import type { TargetingInputNote } from '../../data/targetingInputs';
import type { TargetingRequest } from '../../worker/targetingApi';

export interface NationalPotential {
  /** JSON of (workspace, year, poverty settings, targeting settings) it was computed for. */
  key: string;
  codes: string[];
  /** Potential 0–1 per province (NaN = no input value); null when the workspace has no input at all. */
  potential: Float64Array | null;
  /** Priority rank, 1 = first, 0 = unranked; null with `potential`. */
  rank: Int32Array | null;
  /** Input families the workspace lacks and the file that would fill them. */
  notes: TargetingInputNote[];
}

interface State {
  value: NationalPotential | null;
  computing: boolean;
  error: string | null;
}

export const nationalPotentialStore = createStore<State>()(() => ({ value: null, computing: false, error: null }));

export function useNationalPotential<T>(selector: (s: State) => T): T {
  return useStore(nationalPotentialStore, selector);
}

/** The targeting settings at province level, country-wide. */
export function provinceSettings(s: TargetingSettings): TargetingSettings {
  return { ...s, level: 'province', within: null };
}

function current(): { r: TargetingRequest; settings: TargetingSettings; key: string } | null {
  const a = appStore.getState();
  if (!a.dataset) return null;
  const settings = provinceSettings(targetingStore.getState().settings);
  const r: TargetingRequest = { id: a.dataset.id, level: 'province', year: a.year, mpi: a.mpi };
  return { r, settings, key: JSON.stringify([r.id, r.year, r.mpi, settings]) };
}

const pass = latestWins(
  async () => {
    const c = current();
    if (!c || nationalPotentialStore.getState().value?.key === c.key) return;
    const t = targetingStore.getState();
    const w = computeWorker();
    try {
      let value: NationalPotential;
      const own = t.settings.level === 'province' && t.settings.within === null && t.answer && t.prepared && t.answer.key === t.prepared.key && t.prepared.key === JSON.stringify([c.r.id, 'province', c.r.year, c.r.mpi]);
      if (own && t.answer && t.prepared) {
        value = { key: c.key, codes: t.prepared.codes, potential: t.answer.potential, rank: t.answer.rank, notes: t.prepared.notes };
      } else {
        const prepared = await w.targetingPrepare(c.r);
        const ids = prepared.inputs.map((d) => d.id);
        if (!ids.length) value = { key: c.key, codes: prepared.codes, potential: null, rank: null, notes: prepared.notes };
        else {
          const answer = await w.targetingRank(c.r, rankOptions(c.settings, ids));
          value = { key: c.key, codes: prepared.codes, potential: answer.potential, rank: answer.rank, notes: prepared.notes };
          if (targetingStore.getState().answer) void rerank();
        }
      }
      if (current()?.key !== c.key) return true;
      nationalPotentialStore.setState({ value, error: null });
    } catch (e) {
      nationalPotentialStore.setState({ error: (e as Error).message });
    }
  },
  (computing) => nationalPotentialStore.setState({ computing }),
);

/** Compute (latest wins) unless the answer for the current settings is there. */
export function ensureNationalPotential(): Promise<void> {
  return pass();
}

/**
 * Follow the workspace, year, poverty rule and targeting settings while the table is shown;
 * returns the unsubscribe.
 */
export function followNationalPotential(): () => void {
  void ensureNationalPotential();
  const un1 = appStore.subscribe((s, prev) => {
    if (s.dataset !== prev.dataset || s.year !== prev.year || s.mpi !== prev.mpi) void ensureNationalPotential();
  });
  const un2 = targetingStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings) void ensureNationalPotential();
  });
  return () => {
    un1();
    un2();
  };
}
