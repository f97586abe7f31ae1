import { describe, expect, it } from 'vitest';
import { countByType, summariseYear } from './datasetSummary';
import { WELFARE_CARD_MASK } from './indicators';

describe('summariseYear', () => {
  it('counts people of target-poor and no-card households (hand-worked example)', () => {
    // village A: 2 hh mask 0 (5 persons); 1 hh deprived h1 + card (4); 1 hh deprived l2, no card (3)
    // village B: 3 hh with a card but no deprivation (9 persons)
    const s = summariseYear(new Uint32Array([10010101, 10010102]), {
      villageStart: new Uint32Array([0, 3, 4]),
      mask: new Uint32Array([0, 1 | WELFARE_CARD_MASK, 1 << 5, WELFARE_CARD_MASK]),
      households: new Uint32Array([2, 1, 1, 3]),
      persons: new Uint32Array([5, 4, 3, 9]),
    });
    expect(s).toEqual({ households: 7, people: 21, target_poor: 4, poor_no_card: 3, target_poor_rate: 4 / 21 });
  });
  it('counts services by type', () => {
    expect(countByType(['school', 'hospital', 'school'])).toEqual({ hospital: 1, school: 2, total: 3 });
  });
});
