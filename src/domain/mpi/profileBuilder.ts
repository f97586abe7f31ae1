/**
 * Households → distinct (village, profile) rows (DESIGN.md §2.3). Memory grows with the number of
 * distinct (village, mask) pairs (~1–2 M nationally), not with households (~13 M), so a streaming
 * reader can feed it row by row in constant memory per household.
 */
import type { ProfileRows } from './prepare';

export class ProfileBuilder {
  /** village code → (mask → row index). Two levels keep both keys small integers (fast Map hashing). */
  private readonly index = new Map<number, Map<number, number>>();
  private villages: number[] = [];
  private masks: number[] = [];
  private households: number[] = [];
  private persons: number[] = [];
  householdCount = 0;
  personCount = 0;

  /** Add one household (members people) of an 8-digit village code with its 18-bit mask. */
  add(villageCode: number, mask: number, members: number): void {
    let byMask = this.index.get(villageCode);
    if (byMask === undefined) {
      byMask = new Map();
      this.index.set(villageCode, byMask);
    }
    let i = byMask.get(mask);
    if (i === undefined) {
      i = this.masks.length;
      byMask.set(mask, i);
      this.villages.push(villageCode);
      this.masks.push(mask);
      this.households.push(0);
      this.persons.push(0);
    }
    this.households[i] += 1;
    this.persons[i] += members;
    this.householdCount += 1;
    this.personCount += members;
  }

  get rowCount(): number {
    return this.masks.length;
  }

  /** Villages ascending by code, rows of a village ascending by mask. */
  build(year?: number): { villageCodes: Uint32Array; profiles: ProfileRows } {
    const villageCodes = Uint32Array.from(this.index.keys()).sort();
    const rows = this.masks.length;
    const mask = new Uint32Array(rows);
    const households = new Uint32Array(rows);
    const persons = new Uint32Array(rows);
    const villageStart = new Uint32Array(villageCodes.length + 1);
    let r = 0;
    villageCodes.forEach((code, v) => {
      villageStart[v] = r;
      const byMask = this.index.get(code)!;
      for (const m of Uint32Array.from(byMask.keys()).sort()) {
        const i = byMask.get(m)!;
        mask[r] = m;
        households[r] = this.households[i];
        persons[r] = this.persons[i];
        r += 1;
      }
    });
    villageStart[villageCodes.length] = rows;
    return { villageCodes, profiles: { year, villageStart, mask, households, persons } };
  }
}
