/**
 * The plug-in lists features register into (map layer sources, side-panel tabs, map controls):
 * one small mechanism shared by all of them.
 */

/** A list of plug-ins kept sorted by `order`; registering an id again replaces it. */
export function orderedRegistry<T extends { id: string; order: number }>(): { items: T[]; register: (item: T) => void } {
  const items: T[] = [];
  return {
    items,
    register(item) {
      const i = items.findIndex((x) => x.id === item.id);
      if (i >= 0) items.splice(i, 1);
      items.push(item);
      items.sort((a, b) => a.order - b.order);
    },
  };
}
